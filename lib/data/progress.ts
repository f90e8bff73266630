import "server-only";
import { db } from "../db/client";
import { fail, type Result } from "../result";
import type { Actor } from "../auth/actor";
import { progressInputSchema } from "../validation/member-lists";

/** Where a member stopped watching a film's trailer (one row per member and film). */
export async function saveProgress(actor: Actor, raw: unknown): Promise<Result> {
  if (!actor) return fail("Sign in to resume on any device.", "unauthenticated");
  const parsed = progressInputSchema.safeParse(raw);
  if (!parsed.success) return fail("Bad position.", "invalid");
  const { filmId, seconds } = parsed.data;
  const prisma = await db();
  const film = await prisma.film.findUnique({ where: { id: filmId }, select: { id: true } });
  if (!film) return fail("Unknown film.", "not-found");
  await prisma.watchProgress.upsert({
    where: { userId_filmId: { userId: actor.id, filmId } },
    create: { userId: actor.id, filmId, seconds },
    update: { seconds },
  });
  return { ok: true };
}

export async function loadProgress(userId: string, filmId: string): Promise<number | null> {
  const prisma = await db();
  const row = await prisma.watchProgress.findUnique({ where: { userId_filmId: { userId, filmId } }, select: { seconds: true } });
  return row ? row.seconds : null;
}
