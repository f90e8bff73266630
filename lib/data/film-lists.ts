import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { encodeFilmCursor, decodeFilmCursor, type FilmCursor } from "../keyset/cursor";
import type { FilmSort } from "../validation/catalog";
import { cachedRead, LIST_TTL, tags } from "./cache";
import { FILM_SUMMARY_COLUMNS, isoDay, toFilmSummary } from "./film-mapping";
import type { FilmSummary } from "./films";
import type { GenreSummary } from "./genres";
import { keysetAfter, keysetOrderBy, keysetPage, type KeysetColumn, type KeysetInput, type KeysetPage } from "./keyset";

// Film lists: genre pages, home rows and the public API's lists. Every list is one query
// read from the films' counters (reviewCount, ratingSum), never an aggregate over
// reviews, and pages by keyset (no OFFSET; lib/data/keyset.ts).

export type CatalogFilm = FilmSummary & {
  id: string;
  releaseDate: string; // YYYY-MM-DD
  runtimeMinutes: number;
};

export type FilmPage = KeysetPage<CatalogFilm>;

/** A film of a list as the queries return it (the sort's values ride along for cursors). */
type ListRow = {
  id: string;
  slug: string;
  title: string;
  year: number;
  releaseDate: Date | string;
  runtimeMinutes: number;
  reviewCount: number;
  ratingSum: number;
  posterPath: string | null;
  score?: number;
};

/** The columns of a CatalogFilm, on the film aliased `f`. */
const LIST_COLUMNS = Prisma.sql`f.id, ${FILM_SUMMARY_COLUMNS}, f."releaseDate", f."runtimeMinutes"`;

function toFilm(r: ListRow): CatalogFilm {
  return { id: r.id, ...toFilmSummary(r), releaseDate: isoDay(r.releaseDate), runtimeMinutes: Number(r.runtimeMinutes) };
}

// ---------- keyset over one of three orders ----------

/**
 * The order of each sort, always ending in the id so it is total.
 * - popular: (reviewCount DESC, id DESC) — one direction, so a keyset bound is one index range
 * - newest:  (releaseDate DESC, id ASC) — the order of the Film(releaseDate DESC, id) index
 * - top:     (score DESC, reviewCount DESC, id DESC) — score is the Bayesian average
 *            (lib/ranking.ts), the generated topKey column of Film and of FilmGenre
 * All of one direction, so a keyset bound is one row comparison: one range of the sort's index.
 */
const ORDER: Record<FilmSort, KeysetColumn[]> = {
  popular: [
    { sql: `x."reviewCount"`, desc: true, cast: "int" },
    { sql: `x.id`, desc: true, cast: "text" },
  ],
  newest: [
    { sql: `x."releaseDate"`, desc: true, cast: "date" },
    { sql: `x.id`, desc: false, cast: "text" },
  ],
  top: [
    { sql: `x.score`, desc: true, cast: "float8" },
    { sql: `x."reviewCount"`, desc: true, cast: "int" },
    { sql: `x.id`, desc: true, cast: "text" },
  ],
};

function cursorValues(c: FilmCursor): (string | number)[] {
  if (c.sort === "popular") return [c.reviewCount, c.id];
  if (c.sort === "newest") return [c.releaseDate, c.id];
  return [c.score, c.reviewCount, c.id];
}

function cursorOf(sort: FilmSort, r: ListRow): string {
  if (sort === "popular") return encodeFilmCursor({ sort, reviewCount: Number(r.reviewCount), id: r.id });
  if (sort === "newest") return encodeFilmCursor({ sort, releaseDate: isoDay(r.releaseDate), id: r.id });
  return encodeFilmCursor({ sort, score: Number(r.score), reviewCount: Number(r.reviewCount), id: r.id });
}

/** `%text%` for ILIKE, with the pattern characters of the text escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export type ListFilmsInput = {
  sort: FilmSort;
  /** Only films of this genre (its id). */
  genreId?: string;
  /** Only films whose title contains this text, ignoring case. */
  q?: string;
} & KeysetInput;

/**
 * One page of films in one of three orders, by keyset: one query whatever the page, one
 * index range in every order ("top" included: the score is the films' and links' topKey
 * column, see lib/ranking.ts). A bad cursor, or one from another sort, starts from the
 * first page.
 */
export async function listFilms(input: ListFilmsInput): Promise<FilmPage> {
  const prisma = await db();
  const cols = ORDER[input.sort];
  const cursor = decodeFilmCursor(input.sort, input.cursor);
  const flip = cursor !== null && input.dir === "prev";
  const take = input.limit + 1;
  const keyset = cursor ? Prisma.sql`WHERE ${keysetAfter(cols, cursorValues(cursor), flip)}` : Prisma.empty;
  const order = keysetOrderBy(cols, flip);

  if (input.genreId && !input.q) {
    // A genre's page from its links alone (they carry their film's sort keys: migration
    // genre_sort_keys): one range of a FilmGenre index, then the page's films by primary key.
    const rows = await prisma.$queryRaw<ListRow[]>(Prisma.sql`
      SELECT ${LIST_COLUMNS}, x.score
      FROM (
        SELECT * FROM (
          SELECT fg."filmId" AS id, fg."reviewCount", fg."releaseDate", fg."topKey" AS score
          FROM "FilmGenre" fg
          WHERE fg."genreId" = ${input.genreId} AND fg.published = true
        ) x ${keyset} ${order} LIMIT ${take}
      ) x JOIN "Film" f ON f.id = x.id
      ${order}`);
    return pageOf(input, rows, cursor, flip);
  }

  // Unpublished films stay out of every list (their reviews are kept).
  const where: Prisma.Sql[] = [Prisma.sql`f.published`];
  // EXISTS (a probe of FilmGenre's primary key per film): a genre with a title filter.
  if (input.genreId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "FilmGenre" fg WHERE fg."filmId" = f.id AND fg."genreId" = ${input.genreId})`);
  if (input.q) where.push(Prisma.sql`f.title ILIKE ${containsPattern(input.q)}`);
  const rows = await prisma.$queryRaw<ListRow[]>(Prisma.sql`
    SELECT * FROM (
      SELECT ${LIST_COLUMNS}, f."topKey" AS score
      FROM "Film" f WHERE ${Prisma.join(where, " AND ")}
    ) x ${keyset} ${order} LIMIT ${take}`);
  return pageOf(input, rows, cursor, flip);
}

function pageOf(input: ListFilmsInput, rows: ListRow[], cursor: FilmCursor | null, flip: boolean): FilmPage {
  return keysetPage(rows, { limit: input.limit, flip, fromCursor: cursor !== null, cursorOf: (r) => cursorOf(input.sort, r), map: toFilm });
}

export const getFilmPage = cachedRead(listFilms, "film-page", () => [tags.catalog], LIST_TTL);

// ---------- home rows ----------

/** Newest releases first: one query, served by the Film(releaseDate DESC, id) index. */
export async function loadNewReleases(limit: number): Promise<CatalogFilm[]> {
  return (await listFilms({ sort: "newest", limit })).items;
}
export const getNewReleases = cachedRead(loadNewReleases, "new-releases", () => [tags.catalog], LIST_TTL);

/** The Bayesian top of the whole catalog: one range of Film_top_idx. */
export async function loadTopRated(limit: number): Promise<CatalogFilm[]> {
  return (await listFilms({ sort: "top", limit })).items;
}
export const getTopRated = cachedRead(loadTopRated, "top-rated", () => [tags.catalog], LIST_TTL);

export type GenreRow = { genre: Omit<GenreSummary, "id">; films: CatalogFilm[] };

/**
 * A row per genre with at least `minFilms` films, biggest genres first (at most `maxRows`
 * of them; ties by name), each holding its most popular films (the genre page's default
 * order): one query for all rows, a range of FilmGenre_popular_idx per genre (the links
 * carry their film's review count: migration genre_sort_keys) and the rows' films by
 * primary key. Only the rows shown are read: at size 20 genres qualify and home shows 10.
 */
export async function loadGenreRows(perRow: number, minFilms: number, maxRows = 1000): Promise<GenreRow[]> {
  const prisma = await db();
  // Genre."filmCount" is kept by triggers (migration genre_film_count): no counting here.
  const rows = await prisma.$queryRaw<(ListRow & { genreId: string; genreSlug: string; genreName: string; filmCount: number })[]>(Prisma.sql`
    SELECT g.id AS "genreId", g.slug AS "genreSlug", g.name AS "genreName", g."filmCount", ${LIST_COLUMNS}
    FROM (
      SELECT * FROM "Genre" WHERE "filmCount" >= ${minFilms} ORDER BY "filmCount" DESC, name ASC LIMIT ${maxRows}
    ) g CROSS JOIN LATERAL (
      SELECT x."filmId", x."reviewCount" FROM "FilmGenre" x
      WHERE x."genreId" = g.id AND x.published = true
      ORDER BY x."reviewCount" DESC, x."filmId" DESC
      LIMIT ${perRow}
    ) w JOIN "Film" f ON f.id = w."filmId"
    ORDER BY g."filmCount" DESC, g.name ASC, w."reviewCount" DESC, w."filmId" DESC`);
  const out: GenreRow[] = [];
  for (const r of rows) {
    let row = out[out.length - 1];
    if (!row || row.genre.slug !== r.genreSlug) {
      row = { genre: { slug: r.genreSlug, name: r.genreName, filmCount: Number(r.filmCount) }, films: [] };
      out.push(row);
    }
    row.films.push(toFilm(r));
  }
  return out;
}

export const getGenreRows = cachedRead(loadGenreRows, "genre-rows", () => [tags.catalog], LIST_TTL);
