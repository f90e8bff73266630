import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { cachedRead, LIST_TTL, tags } from "./cache";

// The sitemap's data (app/sitemap.ts).

export type SitemapData = {
  films: { slug: string; updatedAt: string }[];
  genres: { slug: string; updatedAt: string | null }[];
};

/** Every film and genre with when it last changed (a genre: its latest film). Two queries. */
export async function loadSitemapData(): Promise<SitemapData> {
  const prisma = await db();
  const films = await prisma.film.findMany({ where: { published: true }, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });
  const genres = await prisma.$queryRaw<{ slug: string; updatedAt: Date | null }[]>(Prisma.sql`
    SELECT g.slug, max(f."updatedAt") AS "updatedAt"
    FROM "Genre" g JOIN "FilmGenre" fg ON fg."genreId" = g.id JOIN "Film" f ON f.id = fg."filmId" AND f.published
    GROUP BY g.slug ORDER BY g.slug ASC`);
  return {
    films: films.map((f) => ({ slug: f.slug, updatedAt: f.updatedAt.toISOString() })),
    genres: genres.map((g) => ({ slug: g.slug, updatedAt: g.updatedAt ? new Date(g.updatedAt).toISOString() : null })),
  };
}
export const getSitemapData = cachedRead(loadSitemapData, "sitemap", () => [tags.catalog], LIST_TTL);
