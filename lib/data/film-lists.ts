import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { encodeFilmCursor, decodeFilmCursor, type FilmCursor } from "../keyset/cursor";
import { NEUTRAL_MEAN, PRIOR_WEIGHT } from "../ranking";
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
  mean?: number;
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
 * - top:     (score DESC, reviewCount DESC, id ASC) — score is the Bayesian average,
 *            computed in the query from the counters and the catalog mean (lib/ranking.ts)
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
    { sql: `x.id`, desc: false, cast: "text" },
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
  return encodeFilmCursor({ sort, score: Number(r.score), reviewCount: Number(r.reviewCount), mean: Number(r.mean), id: r.id });
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
 * One page of films in one of three orders, by keyset: one query whatever the page.
 * "top" ranks by the Bayesian average in SQL; on the first page the catalog mean is
 * computed in the same query (a sum over the films' counters) and every cursor carries
 * it on. A bad cursor, or one from another sort, starts from the first page.
 */
export async function listFilms(input: ListFilmsInput): Promise<FilmPage> {
  const prisma = await db();
  const cols = ORDER[input.sort];
  const cursor = decodeFilmCursor(input.sort, input.cursor);
  const flip = cursor !== null && input.dir === "prev";
  const take = input.limit + 1;

  // The index walk ranks its candidates exactly and proves no other film can come first,
  // else falls back to the one query below, which paging back always uses: both give the
  // very same page (tests/integration/scale.test.ts).
  if (input.sort === "top" && !input.q && !flip) {
    const m = cursor?.sort === "top" ? cursor.mean : rememberedMean(prisma);
    const pruned = await topByIndex(prisma, m, input.genreId, cursor?.sort === "top" ? cursor : null, take);
    if (pruned) return pageOf(input, pruned, cursor, false);
  }

  const keyset = cursor ? Prisma.sql`WHERE ${keysetAfter(cols, cursorValues(cursor), flip)}` : Prisma.empty;
  const order = keysetOrderBy(cols, flip);
  const mean = priorSql(cursor?.sort === "top" ? cursor.mean : null);

  if (input.genreId && !input.q) {
    // A genre's page from its links alone (they carry their film's sort keys: migration
    // genre_sort_keys): one range of a FilmGenre index, or for "top" a rank of the genre's
    // links, then the page's films by primary key.
    const top = input.sort === "top";
    const rows = await prisma.$queryRaw<ListRow[]>(Prisma.sql`
      ${top ? Prisma.sql`WITH prior AS (${mean})` : Prisma.empty}
      SELECT ${LIST_COLUMNS}${top ? Prisma.sql`, x.score, x.mean` : Prisma.empty}
      FROM (
        SELECT * FROM (
          SELECT fg."filmId" AS id, fg."reviewCount", fg."releaseDate"${top ? Prisma.sql`, ${scoreSql("fg")}` : Prisma.empty}
          FROM "FilmGenre" fg${top ? Prisma.sql` CROSS JOIN prior p` : Prisma.empty}
          WHERE fg."genreId" = ${input.genreId} AND fg.published = true${topBound(cursor, "fg", flip)}
        ) x ${keyset} ${order} LIMIT ${take}
      ) x JOIN "Film" f ON f.id = x.id
      ${order}`);
    return pageOf(input, rows, cursor, flip);
  }

  // Unpublished films stay out of every list (their reviews are kept).
  const where: Prisma.Sql[] = [Prisma.sql`f.published${topBound(cursor, "f", flip)}`];
  // EXISTS (a probe of FilmGenre's primary key per film): a genre with a title filter.
  if (input.genreId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "FilmGenre" fg WHERE fg."filmId" = f.id AND fg."genreId" = ${input.genreId})`);
  if (input.q) where.push(Prisma.sql`f.title ILIKE ${containsPattern(input.q)}`);
  const filter = Prisma.sql`WHERE ${Prisma.join(where, " AND ")}`;

  const inner =
    input.sort === "top"
      ? Prisma.sql`
      WITH prior AS (${mean})
      SELECT ${LIST_COLUMNS}, ${scoreSql("f")}
      FROM "Film" f CROSS JOIN prior p ${filter}`
      : Prisma.sql`
      SELECT ${LIST_COLUMNS}
      FROM "Film" f ${filter}`;
  const rows = await prisma.$queryRaw<ListRow[]>(Prisma.sql`SELECT * FROM (${inner}) x ${keyset} ${order} LIMIT ${take}`);

  return pageOf(input, rows, cursor, flip);
}

function pageOf(input: ListFilmsInput, rows: ListRow[], cursor: FilmCursor | null, flip: boolean): FilmPage {
  return keysetPage(rows, { limit: input.limit, flip, fromCursor: cursor !== null, cursorOf: (r) => cursorOf(input.sort, r), map: toFilm });
}

// ---------- "top" at size ----------

/** The prior mean m as a one-row query `prior`: the one given, or the catalog's (a sum over every film's counters). */
function priorSql(m: number | null): Prisma.Sql {
  return m === null
    ? Prisma.sql`SELECT COALESCE(SUM(c."ratingSum")::float8 / NULLIF(SUM(c."reviewCount"), 0)::float8, ${NEUTRAL_MEAN}::float8) AS mean FROM "Film" c`
    : Prisma.sql`SELECT ${m}::float8 AS mean`;
}

/** The Bayesian score of the row aliased `t` at the mean of `prior p` (lib/ranking.ts), and that mean. */
function scoreSql(t: string): Prisma.Sql {
  const r = Prisma.raw(t);
  return Prisma.sql`(${PRIOR_WEIGHT}::float8 * p.mean + ${r}."ratingSum") / (${PRIOR_WEIGHT}::float8 + ${r}."reviewCount") AS score, p.mean AS mean`;
}

/**
 * After a "top" cursor, only films whose topKey is at most the cursor's score plus
 * max(0, TOP_KEY_MEAN − its mean) can follow (see topByIndex): a range of the topKey index
 * instead of every film, paging back (before the cursor) excepted.
 */
function topBound(cursor: FilmCursor | null, alias: string, flip = false): Prisma.Sql {
  if (cursor?.sort !== "top" || flip) return Prisma.empty;
  return Prisma.sql` AND ${Prisma.raw(alias)}."topKey" <= ${cursor.score + Math.max(0, TOP_KEY_MEAN - cursor.mean) + 1e-9}::float8`;
}

/** The fixed mean and prior weight of the Film."topKey" generated column (film_top_key migration). */
const TOP_KEY_MEAN = 3.75;
/**
 * Candidates ranked exactly (narrow index rows, in a genre as in the whole catalog); when
 * they do not prove the page, every film of the list is ranked. A first page tries 100
 * first (the top of a list has wide gaps between scores), then 400. More walks of more
 * candidates do not pay deeper down: a page deep in a genre sits inside a thousand films
 * with the same counts, and 1,200 candidates did not prove it while 3,200 took longer
 * (5.5 ms) than ranking the genre's links below the cursor (4 ms).
 */
const TOP_CANDIDATES = { first: [100, 400], after: [400] } as const satisfies Record<string, readonly number[]>;
let testLimits: readonly number[] | null = null;
/** Tests: other candidate counts (small ones make every page take the proof, the retry or the fallback); no argument restores them. */
export function setTopCandidatesForTests(limits?: readonly number[]): void {
  testLimits = limits ?? null;
}

const meanMemo = new WeakMap<object, { at: number; mean: number }>();
/**
 * The catalog mean rating as last computed on this client, for a minute: it is a sum
 * over every film's counters (a scan of the catalog) and moves by a hair per review.
 * null: compute it in the query.
 */
function rememberedMean(prisma: object): number | null {
  const memo = meanMemo.get(prisma);
  return memo && Date.now() - memo.at < 60_000 ? memo.mean : null;
}

/**
 * "top" from a topKey index (Film_top_idx, or FilmGenre_top_idx within a genre): the first
 * candidates by topKey (the score at mean TOP_KEY_MEAN) after the cursor's bound, ranked
 * exactly at mean m. A film left out has topKey ≤ the smallest candidate's, so its true
 * score is at most that plus max(0, m − TOP_KEY_MEAN): when the page's last film scores
 * above that, the page is exact. Otherwise (or with no candidates left) null, and the
 * caller ranks every film. Candidates are narrow rows (id and counters); only the page's
 * films are read in full.
 */
async function topByIndex(
  prisma: Awaited<ReturnType<typeof db>>,
  m: number | null,
  genreId: string | undefined,
  cursor: Extract<FilmCursor, { sort: "top" }> | null,
  take: number,
): Promise<ListRow[] | null> {
  for (const limit of testLimits ?? (cursor ? TOP_CANDIDATES.after : TOP_CANDIDATES.first)) {
    const rows = await topCandidates(prisma, m ?? rememberedMean(prisma), genreId, cursor, take, limit);
    if (rows !== "unproven") return rows;
  }
  return null;
}

async function topCandidates(
  prisma: Awaited<ReturnType<typeof db>>,
  m: number | null,
  genreId: string | undefined,
  cursor: Extract<FilmCursor, { sort: "top" }> | null,
  take: number,
  limit: number,
): Promise<ListRow[] | null | "unproven"> {
  // Unpublished films never rank (their counters stay, their pages are gone).
  const conds: Prisma.Sql[] = genreId ? [Prisma.sql`s."genreId" = ${genreId}`, Prisma.sql`s.published = true`] : [Prisma.sql`s.published`];
  const source = genreId ? Prisma.sql`"FilmGenre" s` : Prisma.sql`"Film" s`;
  const sid = Prisma.raw(genreId ? `s."filmId"` : `s.id`);
  const cols = ORDER.top;
  // Candidates are the films after the cursor exactly (their score from the index's own
  // columns): those the walk passes before reaching the cursor's place are skipped, not counted.
  const keyset = cursor ? Prisma.sql`WHERE ${keysetAfter(cols, cursorValues(cursor), false)}` : Prisma.empty;
  const order = keysetOrderBy(cols, false);
  const rows = await prisma.$queryRaw<(ListRow & { candCount: number; minKey: number })[]>(Prisma.sql`
    WITH prior AS (${priorSql(m)}), cand AS MATERIALIZED (
      SELECT x.* FROM (
        SELECT ${sid} AS id, s."reviewCount", s."topKey", ${scoreSql("s")}
        FROM ${source} CROSS JOIN prior p WHERE ${Prisma.join(conds, " AND ")}${topBound(cursor, "s")}
      ) x ${keyset}
      ORDER BY x."topKey" DESC, x.id ASC
      LIMIT ${limit}
    ), page AS (
      SELECT x.* FROM cand x ${order} LIMIT ${take}
    )
    SELECT ${LIST_COLUMNS}, x.score, x.mean, (SELECT count(*) FROM cand)::int AS "candCount", (SELECT min("topKey") FROM cand) AS "minKey"
    FROM page x JOIN "Film" f ON f.id = x.id ${order}`);
  if (rows.length === 0) return null;
  const mean = Number(rows[0]!.mean);
  if (m === null && !cursor) meanMemo.set(prisma, { at: Date.now(), mean });
  const candCount = Number(rows[0]!.candCount);
  if (candCount < limit) return rows; // every film that follows the cursor was ranked
  if (rows.length < take) return "unproven";
  const bound = Number(rows[0]!.minKey) + Math.max(0, mean - TOP_KEY_MEAN);
  return Number(rows[rows.length - 1]!.score) > bound + 1e-9 ? rows : "unproven";
}

export const getFilmPage = cachedRead(listFilms, "film-page", () => [tags.catalog], LIST_TTL);

// ---------- home rows ----------

/** Newest releases first: one query, served by the Film(releaseDate DESC, id) index. */
export async function loadNewReleases(limit: number): Promise<CatalogFilm[]> {
  return (await listFilms({ sort: "newest", limit })).items;
}
export const getNewReleases = cachedRead(loadNewReleases, "new-releases", () => [tags.catalog], LIST_TTL);

/** The Bayesian top of the whole catalog: one query (prior and ranking together). */
export async function loadTopRated(limit: number): Promise<CatalogFilm[]> {
  return (await listFilms({ sort: "top", limit })).items;
}
export const getTopRated = cachedRead(loadTopRated, "top-rated", () => [tags.catalog], LIST_TTL);

export type GenreRow = { genre: Omit<GenreSummary, "id">; films: CatalogFilm[] };

/**
 * A row per genre with at least `minFilms` films, biggest genres first, each holding
 * its most popular films (the genre page's default order): one query for all rows, a
 * range of FilmGenre_popular_idx per genre (the links carry their film's review count:
 * migration genre_sort_keys) and the rows' films by primary key. At size (20 genres of
 * 10,000 films) 1.6 ms on PostgreSQL, where a walk of the most reviewed films took 3.6.
 */
export async function loadGenreRows(perRow: number, minFilms: number): Promise<GenreRow[]> {
  const prisma = await db();
  // Genre."filmCount" is kept by triggers (migration genre_film_count): no counting here.
  const rows = await prisma.$queryRaw<(ListRow & { genreId: string; genreSlug: string; genreName: string; filmCount: number })[]>(Prisma.sql`
    SELECT g.id AS "genreId", g.slug AS "genreSlug", g.name AS "genreName", g."filmCount", ${LIST_COLUMNS}
    FROM "Genre" g CROSS JOIN LATERAL (
      SELECT x."filmId", x."reviewCount" FROM "FilmGenre" x
      WHERE x."genreId" = g.id AND x.published = true
      ORDER BY x."reviewCount" DESC, x."filmId" DESC
      LIMIT ${perRow}
    ) w JOIN "Film" f ON f.id = w."filmId"
    WHERE g."filmCount" >= ${minFilms}
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
