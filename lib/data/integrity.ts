// Counters versus rows: recompute every denormalised counter from the rows it
// summarises, or report where they differ (npm run db:check).
import type { PrismaClient } from "../generated/prisma/client";
import { wilsonLowerBound } from "../ratings";
import { LIMITS } from "../security/limits";

/** The first part of every RateLimit key: a write limit's name, or sign-in's own counters. */
const LIMIT_KINDS = ["signin", ...Object.keys(LIMITS)];

export type CounterDrift = { table: "Film" | "Review" | "Genre" | "FilmGenre"; id: string; column: string; stored: number; actual: number };

// Every check compares in SQL and returns only the rows that differ, so 2 million
// reviews cost two hash aggregates and two joins, not 2 million rows sent to Node.
const FILM_DRIFT = `
  WITH a AS (
    SELECT r."filmId" AS id, count(*)::int AS c, sum(r.rating)::int AS s,
      count(*) FILTER (WHERE r.rating = 1)::int AS r1, count(*) FILTER (WHERE r.rating = 2)::int AS r2,
      count(*) FILTER (WHERE r.rating = 3)::int AS r3, count(*) FILTER (WHERE r.rating = 4)::int AS r4,
      count(*) FILTER (WHERE r.rating = 5)::int AS r5
    FROM "Review" r WHERE r.status = 'VISIBLE' GROUP BY r."filmId"
  )
  SELECT f.id, f."reviewCount", f."ratingSum", f.rating1, f.rating2, f.rating3, f.rating4, f.rating5,
    coalesce(a.c, 0) AS "a_reviewCount", coalesce(a.s, 0) AS "a_ratingSum", coalesce(a.r1, 0) AS a_rating1,
    coalesce(a.r2, 0) AS a_rating2, coalesce(a.r3, 0) AS a_rating3, coalesce(a.r4, 0) AS a_rating4, coalesce(a.r5, 0) AS a_rating5
  FROM "Film" f LEFT JOIN a ON a.id = f.id
  WHERE (f."reviewCount", f."ratingSum", f.rating1, f.rating2, f.rating3, f.rating4, f.rating5)
    IS DISTINCT FROM (coalesce(a.c, 0), coalesce(a.s, 0), coalesce(a.r1, 0), coalesce(a.r2, 0), coalesce(a.r3, 0), coalesce(a.r4, 0), coalesce(a.r5, 0))`;

const REVIEW_DRIFT = `
  WITH v AS (
    SELECT "reviewId" AS id, count(*) FILTER (WHERE value = 'YES')::int AS yes, count(*) FILTER (WHERE value = 'NO')::int AS no
    FROM "HelpfulVote" GROUP BY "reviewId"
  ), p AS (
    SELECT "reviewId" AS id, count(*)::int AS n FROM "Report" GROUP BY "reviewId"
  ), x AS (
    SELECT r.id, r."helpfulYes", r."helpfulNo", r."helpfulScore", r."reportCount",
      coalesce(v.yes, 0) AS "a_helpfulYes", coalesce(v.no, 0) AS "a_helpfulNo", coalesce(p.n, 0) AS "a_reportCount"
    FROM "Review" r LEFT JOIN v ON v.id = r.id LEFT JOIN p ON p.id = r.id
  )
  SELECT x.*, marquee_wilson(x."a_helpfulYes", x."a_helpfulNo") AS "a_helpfulScore" FROM x
  WHERE x."helpfulYes" <> x."a_helpfulYes" OR x."helpfulNo" <> x."a_helpfulNo" OR x."reportCount" <> x."a_reportCount"
     OR abs(x."helpfulScore" - marquee_wilson(x."a_helpfulYes", x."a_helpfulNo")) > 1e-9`;

// A genre's published films (kept by triggers, migration genre_film_count).
const GENRE_DRIFT = `
  SELECT g.id, g."filmCount", coalesce(c.n, 0) AS "a_filmCount"
  FROM "Genre" g LEFT JOIN (
    SELECT fg."genreId", count(*)::int AS n FROM "FilmGenre" fg JOIN "Film" f ON f.id = fg."filmId" AND f.published GROUP BY fg."genreId"
  ) c ON c."genreId" = g.id
  WHERE g."filmCount" <> coalesce(c.n, 0)`;

// A link's copy of its film's sort keys (migration genre_sort_keys) against the film's
// own columns: dates as days since 1970, visibility as 1 or 0.
const LINK_STALE = `(fg.published, fg."reviewCount", fg."ratingSum", fg."releaseDate") IS DISTINCT FROM (f.published, f."reviewCount", f."ratingSum", f."releaseDate")`;
const LINK_DRIFT = `
  SELECT fg."filmId" || '/' || fg."genreId" AS id,
    fg.published::int AS published, f.published::int AS a_published,
    fg."reviewCount", f."reviewCount" AS "a_reviewCount", fg."ratingSum", f."ratingSum" AS "a_ratingSum",
    (fg."releaseDate" - DATE '1970-01-01') AS "releaseDate", (f."releaseDate" - DATE '1970-01-01') AS "a_releaseDate"
  FROM "FilmGenre" fg JOIN "Film" f ON f.id = fg."filmId"
  WHERE ${LINK_STALE}`;

/** How many differing rows of each table db:check reports at most. */
const REPORT_LIMIT = 10_000;

type Rec = Record<string, unknown> & { id: string };

/**
 * How long the statements may run together. Prisma ends a transaction after 5 s by
 * default, which 2 million reviews and 5 million votes outlast on PostgreSQL (13 s
 * measured): db:check at size failed with "expired transaction" instead of answering.
 */
const CHECK_TIMEOUT_MS = 15 * 60_000;

/** Every counter that differs from its rows (at most REPORT_LIMIT rows of each table reported). */
export async function findCounterDrift(prisma: PrismaClient): Promise<CounterDrift[]> {
  const drift: CounterDrift[] = [];
  // Room for the hash aggregates in memory (the default 4 MB spills 5 million votes to
  // disk), for these statements only: SET LOCAL inside one transaction.
  const [, films, reviews, genres, links] = await prisma.$transaction(
    [
      prisma.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`),
      prisma.$queryRawUnsafe<Rec[]>(`${FILM_DRIFT} LIMIT ${REPORT_LIMIT}`),
      prisma.$queryRawUnsafe<Rec[]>(`${REVIEW_DRIFT} LIMIT ${REPORT_LIMIT}`),
      prisma.$queryRawUnsafe<Rec[]>(`${GENRE_DRIFT} LIMIT ${REPORT_LIMIT}`),
      prisma.$queryRawUnsafe<Rec[]>(`${LINK_DRIFT} LIMIT ${REPORT_LIMIT}`),
    ],
    { timeout: CHECK_TIMEOUT_MS, maxWait: 60_000 },
  );
  for (const f of films) {
    for (const col of ["reviewCount", "ratingSum", "rating1", "rating2", "rating3", "rating4", "rating5"]) {
      if (Number(f[col]) !== Number(f[`a_${col}`])) drift.push({ table: "Film", id: f.id, column: col, stored: Number(f[col]), actual: Number(f[`a_${col}`]) });
    }
  }
  for (const r of reviews) {
    for (const col of ["helpfulYes", "helpfulNo", "reportCount"]) {
      if (Number(r[col]) !== Number(r[`a_${col}`]))
        drift.push({ table: "Review", id: r.id, column: col, stored: Number(r[col]), actual: Number(r[`a_${col}`]) });
    }
    const expected = wilsonLowerBound(Number(r.a_helpfulYes), Number(r.a_helpfulNo));
    if (Math.abs(Number(r.helpfulScore) - expected) > 1e-9)
      drift.push({ table: "Review", id: r.id, column: "helpfulScore", stored: Number(r.helpfulScore), actual: expected });
  }
  for (const g of genres) drift.push({ table: "Genre", id: g.id, column: "filmCount", stored: Number(g.filmCount), actual: Number(g.a_filmCount) });
  for (const l of links) {
    for (const col of ["published", "reviewCount", "ratingSum", "releaseDate"]) {
      if (Number(l[col]) !== Number(l[`a_${col}`]))
        drift.push({ table: "FilmGenre", id: l.id, column: col, stored: Number(l[col]), actual: Number(l[`a_${col}`]) });
    }
  }
  return drift;
}

/**
 * Sets every counter that differs from its rows to what the rows say (npm run db:check
 * -- --repair), in one transaction, touching only the rows that differ: films' rating
 * counters (their genre links follow by trigger), reviews' helpful and report counts,
 * genres' film counts, and any link copy still off. Returns how many rows each table had
 * wrong. Run it when db:check reports drift (e.g. after a restore, or when a genre's count
 * below its rows would make deleting one of its films fail its CHECK).
 */
export async function repairCounterDrift(prisma: PrismaClient): Promise<Record<CounterDrift["table"], number>> {
  const [, film, review, link, genre] = await prisma.$transaction(
    [
      prisma.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`),
      prisma.$executeRawUnsafe(`
        UPDATE "Film" f SET "reviewCount" = d."a_reviewCount", "ratingSum" = d."a_ratingSum", rating1 = d.a_rating1,
          rating2 = d.a_rating2, rating3 = d.a_rating3, rating4 = d.a_rating4, rating5 = d.a_rating5
        FROM (${FILM_DRIFT}) d WHERE f.id = d.id`),
      prisma.$executeRawUnsafe(`
        UPDATE "Review" r SET "helpfulYes" = d."a_helpfulYes", "helpfulNo" = d."a_helpfulNo", "reportCount" = d."a_reportCount",
          "helpfulScore" = d."a_helpfulScore"
        FROM (${REVIEW_DRIFT}) d WHERE r.id = d.id`),
      prisma.$executeRawUnsafe(`
        UPDATE "FilmGenre" fg SET published = f.published, "reviewCount" = f."reviewCount", "ratingSum" = f."ratingSum", "releaseDate" = f."releaseDate"
        FROM "Film" f WHERE f.id = fg."filmId" AND ${LINK_STALE}`),
      prisma.$executeRawUnsafe(`UPDATE "Genre" g SET "filmCount" = d."a_filmCount" FROM (${GENRE_DRIFT}) d WHERE g.id = d.id`),
    ],
    { timeout: CHECK_TIMEOUT_MS, maxWait: 60_000 },
  );
  return { Film: film, Review: review, FilmGenre: link, Genre: genre };
}

/** Sets every film's rating counters from its visible reviews (one statement). */
export async function recomputeFilmCounters(prisma: PrismaClient, filmIds?: string[]): Promise<void> {
  const where = filmIds ? `WHERE f.id = ANY($1::text[])` : "";
  await prisma.$executeRawUnsafe(
    `UPDATE "Film" f SET "reviewCount" = a.c, "ratingSum" = a.s, rating1 = a.r1, rating2 = a.r2, rating3 = a.r3, rating4 = a.r4, rating5 = a.r5
     FROM (SELECT f.id, count(r.id)::int c, coalesce(sum(r.rating), 0)::int s,
             count(r.id) FILTER (WHERE r.rating = 1)::int r1, count(r.id) FILTER (WHERE r.rating = 2)::int r2,
             count(r.id) FILTER (WHERE r.rating = 3)::int r3, count(r.id) FILTER (WHERE r.rating = 4)::int r4,
             count(r.id) FILTER (WHERE r.rating = 5)::int r5
           FROM "Film" f LEFT JOIN "Review" r ON r."filmId" = f.id AND r.status = 'VISIBLE' ${where} GROUP BY f.id) a
     WHERE f.id = a.id`,
    ...(filmIds ? [filmIds] : []),
  );
}

// ---------------------------------------------------------------- rows without counters

export type RowProblem = { table: string; id: string; problem: string };

/**
 * Rules every row must keep that no counter summarises: rate-limit windows, watch
 * progress, votes and reports on one's own review, reports counted twice.
 * Each rule is one query; a row breaking it is listed (at most 100 per rule).
 */
const ROW_RULES: { table: string; problem: string; sql: string }[] = [
  { table: "RateLimit", problem: "count below 1", sql: `SELECT key AS id FROM "RateLimit" WHERE count < 1` },
  { table: "RateLimit", problem: "window starts in the future", sql: `SELECT key AS id FROM "RateLimit" WHERE "windowStart" > now() + interval '5 minutes'` },
  {
    table: "RateLimit",
    problem: "unknown key kind",
    sql: `SELECT key AS id FROM "RateLimit" WHERE key !~ '^[A-Za-z]+:[a-z]+:.+' OR split_part(key, ':', 1) NOT IN (${LIMIT_KINDS.map((k) => `'${k}'`).join(", ")})`,
  },
  {
    table: "WatchProgress",
    problem: "position outside 0–24 h",
    sql: `SELECT "userId" || '/' || "filmId" AS id FROM "WatchProgress" WHERE NOT (seconds >= 0 AND seconds <= 86400)`,
  },
  {
    table: "WatchProgress",
    problem: "updated in the future",
    sql: `SELECT "userId" || '/' || "filmId" AS id FROM "WatchProgress" WHERE "updatedAt" > now() + interval '5 minutes'`,
  },
  {
    table: "HelpfulVote",
    problem: "vote on the voter's own review",
    sql: `SELECT v.id FROM "HelpfulVote" v JOIN "Review" r ON r.id = v."reviewId" WHERE r."userId" = v."userId"`,
  },
  { table: "Review", problem: "rating outside 1–5", sql: `SELECT id FROM "Review" WHERE rating NOT BETWEEN 1 AND 5` },
  { table: "Film", problem: "negative counter", sql: `SELECT id FROM "Film" WHERE LEAST("reviewCount", rating1, rating2, rating3, rating4, rating5) < 0` },
];

export async function findRowProblems(prisma: PrismaClient): Promise<RowProblem[]> {
  const out: RowProblem[] = [];
  for (const rule of ROW_RULES) {
    const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(`${rule.sql} LIMIT 100`);
    for (const r of rows) out.push({ table: rule.table, id: String(r.id), problem: rule.problem });
  }
  return out;
}

/**
 * Reads every table of the schema in full (a damaged page or index fails here) and
 * returns its row count, so db:check covers the tables no rule above names too.
 */
export async function countEveryTable(prisma: PrismaClient): Promise<Record<string, number>> {
  const tables = await prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}
