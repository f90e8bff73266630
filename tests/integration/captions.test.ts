import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { catalog } from "@/prisma/seed/catalog";
import { loadFilmBySlug } from "@/lib/data/films";
import { loadPlayerPrefs, loadCaptionTrack, saveCaptionTrack, savePlayerPrefs } from "@/lib/data/captions";
import { GET } from "@/app/media/captions/[slug]/[file]/route";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
let filmId: string;
let member: { id: string; role: "MEMBER" };
const editor = { id: "editor", role: "ADMIN" as const };

beforeAll(async () => {
  db = await openTestDb();
  await seed(
    db.prisma,
    catalog.filter((f) => f.slug === "the-work"),
  );
  filmId = (await db.prisma.film.findUniqueOrThrow({ where: { slug: "the-work" } })).id;
  const u = await db.prisma.user.create({ data: { displayName: "Captions Fan", email: "captions@example.test" } });
  member = { id: u.id, role: "MEMBER" };
});
afterAll(async () => db?.dispose());

function get(slug: string, file: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost/media/captions/${slug}/${file}`, { headers }), { params: Promise.resolve({ slug, file }) });
}

describe(`caption tracks on ${ENGINE}`, () => {
  it("the seed stores English and Spanish tracks with The Work, listed in the film data", async () => {
    const film = await loadFilmBySlug("the-work");
    expect(film!.captions.map((c) => [c.lang, c.label, c.kind])).toEqual([
      ["en", "English", "CAPTIONS"],
      ["es", "Español", "CAPTIONS"],
    ]);
    const en = await loadCaptionTrack("the-work", "en");
    expect(en!.content).toContain("[A short tone pips once a second]");
    expect(en!.version).toBe(film!.captions[0]!.version);
    // Seeding again changes nothing.
    await seed(
      db.prisma,
      catalog.filter((f) => f.slug === "the-work"),
    );
    expect((await loadFilmBySlug("the-work"))!.captions).toEqual(film!.captions);
  });

  it("serves a track as text/vtt, immutable at its version", async () => {
    const film = await loadFilmBySlug("the-work");
    const v = film!.captions[0]!.version;
    const res = await get("the-work", `en.${v}.vtt`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toMatch(/^WEBVTT\n/);
    expect((await get("the-work", `en.${v}.vtt`, { "If-None-Match": `"${v}"` })).status).toBe(304);
    const stale = await get("the-work", "en.000000000000.vtt");
    expect(stale.status).toBe(200);
    expect(stale.headers.get("cache-control")).toBe("public, max-age=60");
    for (const [slug, file] of [
      ["the-work", "fr.000000000000.vtt"],
      ["the-work", "en.vtt"],
      ["no-such-film", `en.${v}.vtt`],
      ["..", `en.${v}.vtt`],
    ] as const) {
      expect((await get(slug, file)).status, `${slug}/${file}`).toBe(404);
    }
  });

  it("editors replace a track with a valid WebVTT file; others and bad files are refused", async () => {
    const text = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nNouvelle piste\n";
    expect(await saveCaptionTrack(null, { filmId, lang: "fr", label: "Français" }, text)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await saveCaptionTrack(member, { filmId, lang: "fr", label: "Français" }, text)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await saveCaptionTrack(editor, { filmId, lang: "fr", label: "Français" }, "not a caption file")).toMatchObject({
      ok: false,
      fieldErrors: { file: [expect.any(String)] },
    });
    expect(await saveCaptionTrack(editor, { filmId, lang: "french", label: "Français" }, text)).toMatchObject({
      ok: false,
      fieldErrors: { lang: [expect.any(String)] },
    });
    const ok = await saveCaptionTrack(editor, { filmId, lang: "fr", label: "Français", kind: "SUBTITLES" }, new TextEncoder().encode(text));
    expect(ok).toMatchObject({ ok: true, data: { filmSlug: "the-work", cues: 1 } });
    const film = await loadFilmBySlug("the-work");
    expect(film!.captions.map((c) => c.lang)).toEqual(["en", "es", "fr"]);
    expect(film!.captions[2]!.kind).toBe("SUBTITLES");
  });
});

describe(`player preferences on ${ENGINE}`, () => {
  it("keeps a member's caption language, or off, and nothing for visitors", async () => {
    expect(await loadPlayerPrefs(member.id)).toBeNull();
    expect(await savePlayerPrefs(null, { captionLang: "en" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await savePlayerPrefs(member, { captionLang: "es" })).toEqual({ ok: true });
    expect(await loadPlayerPrefs(member.id)).toEqual({ captionLang: "es" });
    expect(await savePlayerPrefs(member, { captionLang: null })).toEqual({ ok: true });
    expect(await loadPlayerPrefs(member.id)).toEqual({ captionLang: null });
    expect(await savePlayerPrefs(member, { captionLang: "x".repeat(100) })).toMatchObject({ ok: false });
    expect(await savePlayerPrefs(member, { captionLang: "<b>" })).toMatchObject({ ok: false });
  });
});
