import "server-only";
import { db, getDb } from "../db/client";
import { runPrepared } from "../db/prepared";
import { Prisma } from "../generated/prisma/client";
import type { StarCounts } from "../ratings";
import { cachedRead, tags } from "./cache";
import type { CaptionRef } from "./captions";
import { FILM_SUMMARY_COLUMNS, isoDay, toFilmSummary } from "./film-mapping";

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

/**
 * The film page's film in one statement: the row, its genres (by name), credits (by role
 * and position) and caption tracks (by language) as JSON arrays. On the embedded database
 * it is prepared once with a generic plan (lib/db/prepared.ts): Prisma's include took
 * 7 ms there, most of it planning. $1 the slug.
 */
const FILM_DETAIL_SQL = `
  SELECT f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f.tagline, f.synopsis, f."contentRating"::text AS "contentRating",
    f."trailerPath", f."posterPath", f.published, f."reviewCount", f."ratingSum", f.rating1, f.rating2, f.rating3, f.rating4, f.rating5, f."updatedAt",
    coalesce((SELECT json_agg(json_build_object('slug', g.slug, 'name', g.name) ORDER BY g.name, g.id)
              FROM "FilmGenre" fg JOIN "Genre" g ON g.id = fg."genreId" WHERE fg."filmId" = f.id), '[]'::json) AS genres,
    coalesce((SELECT json_agg(json_build_object('role', c.role, 'name', p.name, 'character', c.character) ORDER BY c.role, c.position, c.id)
              FROM "Credit" c JOIN "Person" p ON p.id = c."personId" WHERE c."filmId" = f.id), '[]'::json) AS credits,
    coalesce((SELECT json_agg(json_build_object('lang', t.lang, 'label', t.label, 'kind', t.kind, 'version', t.version) ORDER BY t.lang)
              FROM "CaptionTrack" t WHERE t."filmId" = f.id), '[]'::json) AS captions
  FROM "Film" f WHERE f.slug = $1::text`;

type FilmDetailRow = {
  id: string;
  slug: string;
  title: string;
  year: number;
  releaseDate: Date | string;
  runtimeMinutes: number;
  tagline: string;
  synopsis: string;
  contentRating: string;
  trailerPath: string | null;
  posterPath: string | null;
  published: boolean;
  reviewCount: number;
  ratingSum: number;
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
  updatedAt: Date | string;
  genres: GenreRef[];
  credits: { role: "DIRECTOR" | "CAST"; name: string; character: string | null }[];
  captions: CaptionRef[];
};

export async function loadFilmBySlug(slug: string): Promise<FilmDetail | null> {
  // text cannot hold NUL (the database refuses it): no such film
  if (slug.includes("\0")) return null;
  const h = await getDb();
  const rows = h.opened.pglite
    ? await runPrepared<FilmDetailRow>(h.opened.pglite, "marquee_film_detail", FILM_DETAIL_SQL, [slug], ["text"])
    : await h.prisma.$queryRawUnsafe<FilmDetailRow[]>(FILM_DETAIL_SQL, slug);
  const f = rows[0];
  // Unpublished: gone from the public site (the editor reads films by id).
  if (!f || !f.published) return null;
  return {
    id: f.id,
    slug: f.slug,
    title: f.title,
    year: f.year,
    releaseDate: isoDay(f.releaseDate),
    runtimeMinutes: f.runtimeMinutes,
    tagline: f.tagline,
    synopsis: f.synopsis,
    contentRating: f.contentRating,
    trailerPath: f.trailerPath,
    captions: f.captions,
    posterPath: f.posterPath,
    genres: f.genres,
    directors: f.credits.filter((c) => c.role === "DIRECTOR").map((c) => c.name),
    cast: f.credits.filter((c) => c.role === "CAST").map((c) => ({ name: c.name, character: c.character })),
    reviewCount: f.reviewCount,
    ratingSum: f.ratingSum,
    counts: { 1: f.rating1, 2: f.rating2, 3: f.rating3, 4: f.rating4, 5: f.rating5 },
    updatedAt: new Date(f.updatedAt).toISOString(),
  };
}

export const getFilmBySlug = cachedRead(loadFilmBySlug, "film-by-slug", (slug) => [tags.film(slug)]);

/**
 * Films sharing the most genres with this one, then the most reviewed: one query.
 * Candidates are the most reviewed films of each of its genres, SIMILAR_PER_GENRE each:
 * a range of FilmGenre_popular_idx per genre (the links carry their film's review count:
 * migration genre_sort_keys), so the cost does not grow with the catalog. A row shows 8.
 */
const SIMILAR_PER_GENRE = 24;
export async function loadSimilarFilms(filmId: string, limit = 8): Promise<FilmSummary[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<FilmSummary[]>(Prisma.sql`
    WITH mine AS (SELECT "genreId" FROM "FilmGenre" WHERE "filmId" = ${filmId}),
    cand AS (
      SELECT DISTINCT c.id FROM mine CROSS JOIN LATERAL (
        SELECT x."filmId" AS id FROM "FilmGenre" x
        WHERE x."genreId" = mine."genreId" AND x.published = true AND x."filmId" <> ${filmId}
        ORDER BY x."reviewCount" DESC, x."filmId" DESC
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
