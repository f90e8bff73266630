import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { StarCounts } from "../ratings";
import { cachedRead, tags } from "./cache";
import type { CaptionRef } from "./captions";
import { castOf, directorsOf, FILM_SUMMARY_COLUMNS, filmFactsInclude, filmScalars, toFilmSummary } from "./film-mapping";

export type GenreRef = { slug: string; name: string };

/** A film in a list (components/film/FilmCard.tsx renders one). */
export type FilmSummary = {
  slug: string;
  title: string;
  year: number;
  reviewCount: number;
  ratingSum: number;
  /** Uploaded poster (lib/uploads/paths.ts), or null for the generated one. */
  posterPath: string | null;
};

export type FilmDetail = FilmSummary & {
  id: string;
  releaseDate: string; // YYYY-MM-DD
  runtimeMinutes: number;
  tagline: string;
  synopsis: string;
  contentRating: string;
  trailerPath: string | null;
  /** Caption tracks, by language tag (issue 13). */
  captions: CaptionRef[];
  genres: GenreRef[];
  directors: string[];
  cast: { name: string; character: string | null }[];
  counts: StarCounts;
  updatedAt: string;
};

export async function loadFilmBySlug(slug: string): Promise<FilmDetail | null> {
  const prisma = await db();
  const f = await prisma.film.findUnique({
    where: { slug },
    include: {
      genres: filmFactsInclude.genres,
      credits: filmFactsInclude.credits,
      captions: { select: { lang: true, label: true, kind: true, version: true }, orderBy: { lang: "asc" } },
    },
  });
  // Unpublished: gone from the public site (the editor reads films by id).
  if (!f || !f.published) return null;
  return {
    id: f.id,
    ...filmScalars(f),
    trailerPath: f.trailerPath,
    captions: f.captions,
    posterPath: f.posterPath,
    genres: f.genres.map((g) => ({ slug: g.genre.slug, name: g.genre.name })),
    directors: directorsOf(f),
    cast: castOf(f).map((c) => ({ name: c.person.name, character: c.character })),
    reviewCount: f.reviewCount,
    ratingSum: f.ratingSum,
    counts: { 1: f.rating1, 2: f.rating2, 3: f.rating3, 4: f.rating4, 5: f.rating5 },
    updatedAt: f.updatedAt.toISOString(),
  };
}

export const getFilmBySlug = cachedRead(loadFilmBySlug, "film-by-slug", (slug) => [tags.film(slug)]);

/**
 * Films sharing the most genres with this one, then the most reviewed: one query.
 * Candidates are the most reviewed films of each of its genres (a walk down the
 * Film_popular_idx index per genre, SIMILAR_PER_GENRE films each), so the cost does
 * not grow with the catalog: at 100,000 films a genre holds tens of thousands. 24
 * each, not 60: each candidate costs a walk step and a FilmGenre probe (a film with
 * ~10 reviews at size: 4.3 ms → 1.9 ms on PostgreSQL), and a row shows 8.
 */
const SIMILAR_PER_GENRE = 24;
export async function loadSimilarFilms(filmId: string, limit = 8): Promise<FilmSummary[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<FilmSummary[]>(Prisma.sql`
    WITH mine AS (SELECT "genreId" FROM "FilmGenre" WHERE "filmId" = ${filmId}),
    cand AS (
      SELECT DISTINCT c.id FROM mine CROSS JOIN LATERAL (
        SELECT f.id FROM "Film" f
        WHERE f.id <> ${filmId} AND f.published AND EXISTS (SELECT 1 FROM "FilmGenre" x WHERE x."filmId" = f.id AND x."genreId" = mine."genreId")
        ORDER BY f."reviewCount" DESC, f.id DESC
        LIMIT ${SIMILAR_PER_GENRE}
      ) c
    )
    SELECT ${FILM_SUMMARY_COLUMNS}
    FROM cand JOIN "Film" f ON f.id = cand.id
    JOIN "FilmGenre" fg ON fg."filmId" = f.id AND fg."genreId" IN (SELECT "genreId" FROM mine)
    GROUP BY f.id
    ORDER BY count(*) DESC, f."reviewCount" DESC, f.title ASC
    LIMIT ${limit}`);
  return rows.map(toFilmSummary);
}

export const getSimilarFilms = cachedRead(loadSimilarFilms, "similar-films", () => [tags.catalog]);

/** The film's current slug when `slug` is one it had before, else null (for a 308). */
export async function loadRenamedSlug(slug: string): Promise<string | null> {
  const prisma = await db();
  const r = await prisma.filmSlugRedirect.findUnique({ where: { oldSlug: slug }, select: { film: { select: { slug: true } } } });
  return r?.film.slug ?? null;
}
export const getRenamedSlug = cachedRead(loadRenamedSlug, "renamed-slug", (slug) => [tags.film(slug)]);
