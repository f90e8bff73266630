import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { cachedRead, LIST_TTL, tags } from "./cache";

// Genres: the genre index, a genre page's heading and the search page's genre links.

export type GenreSummary = { id: string; slug: string; name: string; filmCount: number };

/** Every genre that has films, by name, with its number of films. */
export async function loadGenres(): Promise<GenreSummary[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<GenreSummary[]>(Prisma.sql`
    SELECT g.id, g.slug, g.name, count(fg."filmId")::int AS "filmCount"
    FROM "Genre" g JOIN "FilmGenre" fg ON fg."genreId" = g.id JOIN "Film" f ON f.id = fg."filmId" AND f.published
    GROUP BY g.id, g.slug, g.name
    ORDER BY g.name ASC`);
  return rows.map((r) => ({ ...r, filmCount: Number(r.filmCount) }));
}
export const getGenres = cachedRead(loadGenres, "genres", () => [tags.catalog], LIST_TTL);

export async function loadGenreBySlug(slug: string): Promise<GenreSummary | null> {
  const prisma = await db();
  // one count of this genre's published films (Prisma's _count aggregated every genre)
  const [g] = await prisma.$queryRaw<GenreSummary[]>(Prisma.sql`
    SELECT g.id, g.slug, g.name, (SELECT count(*) FROM "FilmGenre" fg JOIN "Film" f ON f.id = fg."filmId" AND f.published WHERE fg."genreId" = g.id)::int AS "filmCount"
    FROM "Genre" g WHERE g.slug = ${slug}`);
  return g ? { id: g.id, slug: g.slug, name: g.name, filmCount: Number(g.filmCount) } : null;
}
export const getGenreBySlug = cachedRead(loadGenreBySlug, "genre-by-slug", () => [tags.catalog], LIST_TTL);
