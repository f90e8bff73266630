import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor } from "../cursor";
import { NEUTRAL_MEAN, PRIOR_WEIGHT } from "../ranking";
import { decodeFilmCursor, encodeFilmCursor, type FilmCursor, type FilmSort } from "../validation/catalog";
import { reviewCursorFits, type ReviewListQuery } from "../validation/review-list";
import { cachedRead, tags } from "./cache";
import { getFilmBySlug, type FilmCard, type FilmDetail } from "./films";
import { getReviewPage, SORT_COLUMNS, type ReviewPage } from "./reviews";

// Catalog browsing: home rows, genre lists, the public API's lists and the sitemap.
// Every list is one query read from the films' counters (reviewCount, ratingSum),
// never an aggregate over reviews, and pages by keyset (no OFFSET).

/** Browse lists change when films or ratings change; five minutes of staleness at most. */
const LIST_TTL = 300;

export type CatalogFilm = FilmCard & {
  id: string;
  releaseDate: string; // YYYY-MM-DD
  runtimeMinutes: number;
};

export type FilmPage = {
  items: CatalogFilm[];
  /** Cursor for the page after this one, or null on the last page. */
  next: string | null;
  /** Cursor for the page before this one, or null on the first page. */
  prev: string | null;
};

export type GenreSummary = { id: string; slug: string; name: string; filmCount: number };

type FilmRow = {
  id: string;
  slug: string;
  title: string;
  year: number;
  releaseDate: Date | string;
  runtimeMinutes: number;
  reviewCount: number;
  ratingSum: number;
  score?: number;
  mean?: number;
};

function isoDate(v: Date | string): string {
  return typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

function toFilm(r: FilmRow): CatalogFilm {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    year: Number(r.year),
    releaseDate: isoDate(r.releaseDate),
    runtimeMinutes: Number(r.runtimeMinutes),
    reviewCount: Number(r.reviewCount),
    ratingSum: Number(r.ratingSum),
  };
}

// ---------- keyset over one of three orders ----------

type Col = { sql: string; desc: boolean; cast: string };

/**
 * The order of each sort, always ending in the id so it is total.
 * - popular: (reviewCount DESC, id ASC)
 * - newest:  (releaseDate DESC, id ASC) — the order of the Film(releaseDate DESC, id) index
 * - top:     (score DESC, reviewCount DESC, id ASC) — score is the Bayesian average,
 *            computed in the query from the counters and the catalog mean (lib/ranking.ts)
 */
const ORDER: Record<FilmSort, Col[]> = {
  popular: [
    { sql: `x."reviewCount"`, desc: true, cast: "int" },
    { sql: `x.id`, desc: false, cast: "text" },
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

function cursorOf(sort: FilmSort, r: FilmRow): string {
  if (sort === "popular") return encodeFilmCursor({ sort, reviewCount: Number(r.reviewCount), id: r.id });
  if (sort === "newest") return encodeFilmCursor({ sort, releaseDate: isoDate(r.releaseDate), id: r.id });
  return encodeFilmCursor({ sort, score: Number(r.score), reviewCount: Number(r.reviewCount), mean: Number(r.mean), id: r.id });
}

function orderBy(cols: Col[], flip: boolean): Prisma.Sql {
  return Prisma.raw(`ORDER BY ${cols.map((c) => `${c.sql} ${c.desc !== flip ? "DESC" : "ASC"}`).join(", ")}`);
}

/**
 * "After the cursor" in the walk direction for columns of mixed directions:
 * (a after A) OR (a = A AND b after B) OR …, plus a plain bound on the first column so
 * an index on it can start the scan at the cursor.
 */
function after(cols: Col[], values: (string | number)[], flip: boolean): Prisma.Sql {
  const val = (i: number) => Prisma.sql`${values[i]!}::${Prisma.raw(cols[i]!.cast)}`;
  const op = (c: Col, strict: boolean) => Prisma.raw(c.desc !== flip ? (strict ? "<" : "<=") : strict ? ">" : ">=");
  const branches = cols.map((c, i) => {
    const equal = cols.slice(0, i).map((e, j) => Prisma.sql`${Prisma.raw(e.sql)} = ${val(j)}`);
    return Prisma.sql`(${Prisma.join([...equal, Prisma.sql`${Prisma.raw(c.sql)} ${op(c, true)} ${val(i)}`], " AND ")})`;
  });
  return Prisma.sql`${Prisma.raw(cols[0]!.sql)} ${op(cols[0]!, false)} ${val(0)} AND (${Prisma.join(branches, " OR ")})`;
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
  cursor?: string;
  dir?: "next" | "prev";
  limit: number;
};

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

  // Unpublished films stay out of every list (their reviews are kept).
  const where: Prisma.Sql[] = [Prisma.sql`f.published`];
  // EXISTS (a probe of FilmGenre's primary key per film) lets PostgreSQL walk the sort's
  // index from the cursor and stop after a page: IN (…) read the genre's every film.
  if (input.genreId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "FilmGenre" fg WHERE fg."filmId" = f.id AND fg."genreId" = ${input.genreId})`);
  if (input.q) where.push(Prisma.sql`f.title ILIKE ${containsPattern(input.q)}`);
  const filter = Prisma.sql`WHERE ${Prisma.join(where, " AND ")}`;

  // The index walk ranks the whole catalog; within a genre its order could differ from the
  // one query below in near-ties, and paging back must give the very same page.
  if (input.sort === "top" && !input.q && !flip && !input.genreId) {
    const m = cursor?.sort === "top" ? cursor.mean : rememberedMean(prisma);
    const pruned = await topByIndex(prisma, m, input.genreId, cursor?.sort === "top" ? cursor : null, take);
    if (pruned) return pageOf(input, pruned, cursor, false);
  }

  let inner: Prisma.Sql;
  if (input.sort === "top") {
    const mean =
      cursor?.sort === "top"
        ? Prisma.sql`SELECT ${cursor.mean}::float8 AS mean`
        : Prisma.sql`SELECT COALESCE(SUM(c."ratingSum")::float8 / NULLIF(SUM(c."reviewCount"), 0)::float8, ${NEUTRAL_MEAN}::float8) AS mean FROM "Film" c`;
    inner = Prisma.sql`
      WITH prior AS (${mean})
      SELECT f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f."reviewCount", f."ratingSum",
             (${PRIOR_WEIGHT}::float8 * p.mean + f."ratingSum") / (${PRIOR_WEIGHT}::float8 + f."reviewCount") AS score,
             p.mean AS mean
      FROM "Film" f CROSS JOIN prior p ${filter}`;
  } else {
    inner = Prisma.sql`
      SELECT f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f."reviewCount", f."ratingSum"
      FROM "Film" f ${filter}`;
  }
  const keyset = cursor ? Prisma.sql`WHERE ${after(cols, cursorValues(cursor), flip)}` : Prisma.empty;
  const rows = await prisma.$queryRaw<FilmRow[]>(
    Prisma.sql`SELECT * FROM (${inner}) x ${keyset} ${orderBy(cols, flip)} LIMIT ${take}`,
  );

  return pageOf(input, rows, cursor, flip);
}

function pageOf(input: ListFilmsInput, rows: FilmRow[], cursor: FilmCursor | null, flip: boolean): FilmPage {
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  if (flip) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const next = flip ? (last ? cursorOf(input.sort, last) : null) : hasMore && last ? cursorOf(input.sort, last) : null;
  const prev = flip ? (hasMore && first ? cursorOf(input.sort, first) : null) : cursor && first ? cursorOf(input.sort, first) : null;
  return { items: page.map(toFilm), next, prev };
}

// ---------- "top" at size ----------

/** The fixed mean and prior weight of the Film."topKey" generated column (film_top_key migration). */
const TOP_KEY_MEAN = 3.75;
/** Candidates ranked exactly: fewer within a genre, where each costs a FilmGenre probe. */
const TOP_CANDIDATES = 400;
const TOP_CANDIDATES_IN_GENRE = 100;

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
 * "top" from the Film_top_idx index: the first TOP_CANDIDATES films by topKey (the score
 * at mean TOP_KEY_MEAN) after the cursor's bound, ranked exactly at mean m. A film left
 * out has topKey ≤ the smallest candidate's, so its true score is at most that plus
 * max(0, m − TOP_KEY_MEAN): when the page's last film scores above that, the page is
 * exact. Otherwise (or with no candidates left) null, and the caller ranks every film.
 */
async function topByIndex(
  prisma: Awaited<ReturnType<typeof db>>,
  m: number | null,
  genreId: string | undefined,
  cursor: Extract<FilmCursor, { sort: "top" }> | null,
  take: number,
): Promise<FilmRow[] | null> {
  const conds: Prisma.Sql[] = [];
  if (genreId) conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "FilmGenre" fg WHERE fg."filmId" = f.id AND fg."genreId" = ${genreId})`);
  // films after the cursor score ≤ its score, so their topKey is ≤ it plus max(0, m0 − m)
  if (cursor) conds.push(Prisma.sql`f."topKey" <= ${cursor.score + Math.max(0, TOP_KEY_MEAN - cursor.mean) + 1e-9}::float8`);
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const cols = ORDER.top;
  const keyset = cursor ? Prisma.sql`WHERE ${after(cols, cursorValues(cursor), false)}` : Prisma.empty;
  const limitCand = genreId ? TOP_CANDIDATES_IN_GENRE : TOP_CANDIDATES;
  const rows = await prisma.$queryRaw<(FilmRow & { candCount: number; minKey: number })[]>(Prisma.sql`
    WITH prior AS (${
      m === null
        ? Prisma.sql`SELECT COALESCE(SUM(c."ratingSum")::float8 / NULLIF(SUM(c."reviewCount"), 0)::float8, ${NEUTRAL_MEAN}::float8) AS mean FROM "Film" c`
        : Prisma.sql`SELECT ${m}::float8 AS mean`
    }), cand AS (
      SELECT f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f."reviewCount", f."ratingSum", f."topKey"
      FROM "Film" f ${where}
      ORDER BY f."topKey" DESC, f.id ASC
      LIMIT ${limitCand}
    ), ranked AS (
      SELECT c.*, (${PRIOR_WEIGHT}::float8 * p.mean + c."ratingSum") / (${PRIOR_WEIGHT}::float8 + c."reviewCount") AS score,
             p.mean AS mean
      FROM cand c CROSS JOIN prior p
    )
    SELECT x.*, (SELECT count(*) FROM cand)::int AS "candCount", (SELECT min("topKey") FROM cand) AS "minKey"
    FROM ranked x ${keyset} ${orderBy(cols, false)} LIMIT ${take}`);
  if (rows.length === 0) return null;
  const mean = Number(rows[0]!.mean);
  if (m === null && !cursor) meanMemo.set(prisma, { at: Date.now(), mean });
  const candCount = Number(rows[0]!.candCount);
  if (candCount < limitCand) return rows; // every film that could follow the cursor was ranked
  if (rows.length < take) return null;
  const bound = Number(rows[0]!.minKey) + Math.max(0, mean - TOP_KEY_MEAN);
  return Number(rows[rows.length - 1]!.score) > bound + 1e-9 ? rows : null;
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
 * its most popular films (the genre page's default order): one query for all rows.
 */
export async function loadGenreRows(perRow: number, minFilms: number): Promise<GenreRow[]> {
  const prisma = await db();
  // The genres' sizes only pick and order the rows: remembered for a minute per
  // minFilms (counting every genre's films reads the whole FilmGenre index, 200,000
  // entries at size); the first call counts in the same query.
  const key = `${minFilms}`;
  const memo = sizesMemo.get(prisma)?.get(key);
  const known = memo && Date.now() - memo.at < 60_000 ? memo.sizes : null;
  const genres = known
    ? Prisma.sql`SELECT * FROM unnest(${known.map((g) => g.id)}::text[], ${known.map((g) => g.slug)}::text[], ${known.map((g) => g.name)}::text[],
                  ${known.map((g) => g.filmCount)}::int[]) AS t(id, slug, name, "filmCount")`
    : Prisma.sql`SELECT g.id, g.slug, g.name, count(*)::int AS "filmCount"
      FROM "Genre" g JOIN "FilmGenre" fg ON fg."genreId" = g.id JOIN "Film" pf ON pf.id = fg."filmId" AND pf.published
      GROUP BY g.id, g.slug, g.name
      HAVING count(*) >= ${minFilms}`;
  const rows = await prisma.$queryRaw<(FilmRow & { genreId: string; genreSlug: string; genreName: string; filmCount: number })[]>(Prisma.sql`
    WITH g AS (${genres})
    SELECT g.id AS "genreId", g.slug AS "genreSlug", g.name AS "genreName", g."filmCount",
           f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f."reviewCount", f."ratingSum", f.rn
    FROM g CROSS JOIN LATERAL (
      -- a walk down Film_popular_idx, keeping this genre's films: perRow probes per
      -- genre's share of the catalog, whatever the catalog's size
      SELECT f.*, row_number() OVER (ORDER BY f."reviewCount" DESC, f.id ASC) AS rn
      FROM (SELECT f.id, f.slug, f.title, f.year, f."releaseDate", f."runtimeMinutes", f."reviewCount", f."ratingSum"
            FROM "Film" f
            WHERE f.published AND EXISTS (SELECT 1 FROM "FilmGenre" x WHERE x."filmId" = f.id AND x."genreId" = g.id)
            ORDER BY f."reviewCount" DESC, f.id ASC
            LIMIT ${perRow}) f
    ) f
    ORDER BY "filmCount" DESC, "genreName" ASC, rn ASC`);
  const out: GenreRow[] = [];
  for (const r of rows) {
    let row = out[out.length - 1];
    if (!row || row.genre.slug !== r.genreSlug) {
      row = { genre: { slug: r.genreSlug, name: r.genreName, filmCount: Number(r.filmCount) }, films: [] };
      out.push(row);
    }
    row.films.push(toFilm(r));
  }
  if (!known) {
    const sizes = [...new Map(rows.map((r) => [r.genreId, { id: r.genreId, slug: r.genreSlug, name: r.genreName, filmCount: Number(r.filmCount) }])).values()];
    const forClient = sizesMemo.get(prisma) ?? new Map();
    forClient.set(key, { at: Date.now(), sizes });
    sizesMemo.set(prisma, forClient);
  }
  return out;
}
const sizesMemo = new WeakMap<object, Map<string, { at: number; sizes: GenreSummary[] }>>();

export const getGenreRows = cachedRead(loadGenreRows, "genre-rows", () => [tags.catalog], LIST_TTL);

// ---------- genres ----------

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

// ---------- sitemap ----------

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

// ---------- reviews for the public API ----------

// Whether a review-list cursor fits its sort: lib/validation/review-list.ts (type and range).
export { reviewCursorFits };

export type FilmReviewsResult =
  | { kind: "ok"; film: FilmDetail; page: ReviewPage }
  | { kind: "not-found" }
  | { kind: "bad-cursor" };

/** A page of a film's reviews for the API, through the same cached reads as the pages. */
export async function findFilmReviews(slug: string, q: ReviewListQuery & { limit: number }): Promise<FilmReviewsResult> {
  if (q.cursor && !reviewCursorFits(q.sort, q.cursor)) return { kind: "bad-cursor" };
  const film = await getFilmBySlug(slug);
  if (!film) return { kind: "not-found" };
  const page = await getReviewPage({ filmId: film.id, filmSlug: film.slug, sort: q.sort, rating: q.rating, cursor: q.cursor, dir: q.dir, limit: q.limit });
  return { kind: "ok", film, page };
}
