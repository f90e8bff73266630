import "server-only";
import { db } from "../db/client";
import { fail, type Result } from "../result";
import type { Actor } from "../auth/actor";
import { wishlistInputSchema } from "../validation/member-lists";
import { filmSummarySelect } from "./film-mapping";
import type { FilmSummary } from "./films";

/** Adds a film to (on) or removes it from the member's wishlist; idempotent. */
export async function setWishlist(actor: Actor, raw: unknown): Promise<Result<{ on: boolean }>> {
  if (!actor) return fail("Sign in to keep a wishlist.", "unauthenticated");
  const parsed = wishlistInputSchema.safeParse(raw);
  if (!parsed.success) return fail("Unknown film.", "invalid");
  const { filmId, on } = parsed.data;
  const prisma = await db();
  if (on) {
    const film = await prisma.film.findUnique({ where: { id: filmId }, select: { id: true } });
    if (!film) return fail("This film is no longer in the catalog.", "not-found");
    await prisma.wishlistEntry.createMany({ data: [{ userId: actor.id, filmId }], skipDuplicates: true });
  } else {
    await prisma.wishlistEntry.deleteMany({ where: { userId: actor.id, filmId } });
  }
  return { ok: true, message: on ? "Added to your wishlist." : "Removed from your wishlist.", data: { on } };
}

export async function loadWishlist(userId: string): Promise<(FilmSummary & { id: string; addedAt: string })[]> {
  const prisma = await db();
  const rows = await prisma.wishlistEntry.findMany({
    where: { userId, film: { published: true } },
    orderBy: { createdAt: "desc" },
    include: { film: { select: { id: true, ...filmSummarySelect } } },
  });
  return rows.map((r) => ({ ...r.film, addedAt: r.createdAt.toISOString() }));
}
