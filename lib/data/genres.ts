import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { cachedRead, LIST_TTL, tags } from "./cache";

// Genres: the genre index, a genre page's heading and the search page's genre links.

export type GenreSummary = { id: string; slug: string; name: string; filmCount: number };

/** Every genre that has published films, by name, with its number of films. */
export async function loadGenres(): Promise<GenreSummary[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<GenreSummary[]>(Prisma.sql`
    SELECT g.id, g.slug, g.name, g."filmCount" FROM "Genre" g WHERE g."filmCount" > 0 ORDER BY g.name ASC`);
  return rows.map((r) => ({ ...r, filmCount: Number(r.filmCount) }));
}
export const getGenres = cachedRead(loadGenres, "genres", () => [tags.catalog], LIST_TTL);

export async function loadGenreBySlug(slug: string): Promise<GenreSummary | null> {
  const prisma = await db();
  // Genre."filmCount" is kept by triggers (migration genre_film_count): no count(*) per view
  const [g] = await prisma.$queryRaw<GenreSummary[]>(Prisma.sql`SELECT g.id, g.slug, g.name, g."filmCount" FROM "Genre" g WHERE g.slug = ${slug}`);
  return g ? { id: g.id, slug: g.slug, name: g.name, filmCount: Number(g.filmCount) } : null;
}
export const getGenreBySlug = cachedRead(loadGenreBySlug, "genre-by-slug", () => [tags.catalog], LIST_TTL);
