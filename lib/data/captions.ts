import "server-only";
import { db } from "../db/client";
import { fail, type Result } from "../result";
import { captionVersion } from "../media/captions";
import { captionTrackSchema, playerPrefsSchema } from "../validation/captions";
import { validateWebVtt } from "../media/webvtt";
import { cachedRead, tags } from "./cache";
import type { Actor } from "../auth/actor";

/** What pages need to list a film's tracks (never the text). */
export type CaptionRef = { lang: string; label: string; kind: "CAPTIONS" | "SUBTITLES"; version: string };

/** One track's text for the media route; cached with the film's tag, so a new upload shows at once. */
export async function loadCaptionTrack(slug: string, lang: string): Promise<{ content: string; version: string; updatedAt: string } | null> {
  const prisma = await db();
  const row = await prisma.captionTrack.findFirst({
    where: { lang, film: { slug } },
    select: { content: true, version: true, updatedAt: true },
  });
  return row ? { content: row.content, version: row.version, updatedAt: row.updatedAt.toISOString() } : null;
}

export const getCaptionTrack = cachedRead(loadCaptionTrack, "caption-track", (slug) => [tags.film(slug)]);

/**
 * Adds or replaces a film's track in one language: for the film editor (issue 10) and the
 * seed. Editors only; the file (bytes of an upload, or text) is checked by validateWebVtt
 * (size first) before anything else. The caller expires the film's cache tag (filmSlug).
 */
export async function saveCaptionTrack(
  actor: Actor,
  raw: unknown,
  file: Uint8Array | string,
): Promise<Result<{ filmSlug: string; version: string; cues: number }>> {
  if (!actor) return fail("Sign in first.", "unauthenticated");
  if (actor.role !== "ADMIN") return fail("Only editors can change caption tracks.", "forbidden");
  const vtt = validateWebVtt(file);
  if (!vtt.ok) return fail(vtt.line ? `Line ${vtt.line}: ${vtt.message}` : vtt.message, "invalid", { file: [vtt.message] });
  const parsed = captionTrackSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
    return fail("Please check the highlighted fields.", "invalid", fieldErrors);
  }
  return { ok: true, data: await writeCaptionTrack(parsed.data, vtt.text, vtt.cues) };
}

/** The write itself, for trusted callers (the seed) after validation. */
export async function writeCaptionTrack(
  t: { filmId: string; lang: string; label: string; kind: "CAPTIONS" | "SUBTITLES" },
  text: string,
  cues = 0,
): Promise<{ filmSlug: string; version: string; cues: number }> {
  const prisma = await db();
  const version = await captionVersion(text);
  const film = await prisma.film.findUniqueOrThrow({ where: { id: t.filmId }, select: { slug: true } });
  await prisma.captionTrack.upsert({
    where: { filmId_lang: { filmId: t.filmId, lang: t.lang } },
    create: { filmId: t.filmId, lang: t.lang, label: t.label, kind: t.kind, content: text, version },
    update: { label: t.label, kind: t.kind, content: text, version },
  });
  return { filmSlug: film.slug, version, cues };
}

// ---------- A member's player settings ----------

export type PlayerPrefs = { captionLang: string | null };

export async function loadPlayerPrefs(userId: string): Promise<PlayerPrefs | null> {
  const prisma = await db();
  const row = await prisma.playerPreference.findUnique({ where: { userId }, select: { captionLang: true } });
  return row ? { captionLang: row.captionLang } : null;
}

/** Remembers the member's caption language (null: captions off). */
export async function savePlayerPrefs(actor: Actor, raw: unknown): Promise<Result> {
  if (!actor) return fail("Sign in to keep your settings on every device.", "unauthenticated");
  const parsed = playerPrefsSchema.safeParse(raw);
  if (!parsed.success) return fail("Bad setting.", "invalid");
  const prisma = await db();
  await prisma.playerPreference.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, captionLang: parsed.data.captionLang },
    update: { captionLang: parsed.data.captionLang },
  });
  return { ok: true };
}
