// Counters versus rows: recompute every denormalised counter from the rows it
// summarises, or report where they differ (npm run db:check).
import type { PrismaClient } from "../generated/prisma/client";
import { wilsonLowerBound } from "../ratings";

export type CounterDrift = { table: "Film" | "Review"; id: string; column: string; stored: number; actual: number };

const FILM_ACTUAL = `
  SELECT f.id,
    f."reviewCount", f."ratingSum", f.rating1, f.rating2, f.rating3, f.rating4, f.rating5,
    count(r.id)::int AS "a_reviewCount", coalesce(sum(r.rating), 0)::int AS "a_ratingSum",
    count(r.id) FILTER (WHERE r.rating = 1)::int AS a_rating1,
    count(r.id) FILTER (WHERE r.rating = 2)::int AS a_rating2,
    count(r.id) FILTER (WHERE r.rating = 3)::int AS a_rating3,
    count(r.id) FILTER (WHERE r.rating = 4)::int AS a_rating4,
    count(r.id) FILTER (WHERE r.rating = 5)::int AS a_rating5
  FROM "Film" f LEFT JOIN "Review" r ON r."filmId" = f.id AND r.status = 'VISIBLE'
  GROUP BY f.id`;

const REVIEW_ACTUAL = `
  SELECT r.id, r."helpfulYes", r."helpfulNo", r."helpfulScore", r."reportCount",
    count(v.id) FILTER (WHERE v.value = 'YES')::int AS "a_helpfulYes",
    count(v.id) FILTER (WHERE v.value = 'NO')::int AS "a_helpfulNo",
    (SELECT count(*)::int FROM "Report" p WHERE p."reviewId" = r.id) AS "a_reportCount"
  FROM "Review" r LEFT JOIN "HelpfulVote" v ON v."reviewId" = r.id
  GROUP BY r.id`;

type Rec = Record<string, unknown> & { id: string };

export async function findCounterDrift(prisma: PrismaClient): Promise<CounterDrift[]> {
  const drift: CounterDrift[] = [];
  const films = await prisma.$queryRawUnsafe<Rec[]>(FILM_ACTUAL);
  for (const f of films) {
    for (const col of ["reviewCount", "ratingSum", "rating1", "rating2", "rating3", "rating4", "rating5"]) {
      if (Number(f[col]) !== Number(f[`a_${col}`])) drift.push({ table: "Film", id: f.id, column: col, stored: Number(f[col]), actual: Number(f[`a_${col}`]) });
    }
  }
  const reviews = await prisma.$queryRawUnsafe<Rec[]>(REVIEW_ACTUAL);
  for (const r of reviews) {
    for (const col of ["helpfulYes", "helpfulNo", "reportCount"]) {
      if (Number(r[col]) !== Number(r[`a_${col}`])) drift.push({ table: "Review", id: r.id, column: col, stored: Number(r[col]), actual: Number(r[`a_${col}`]) });
    }
    const expected = wilsonLowerBound(Number(r.a_helpfulYes), Number(r.a_helpfulNo));
    if (Math.abs(Number(r.helpfulScore) - expected) > 1e-9) drift.push({ table: "Review", id: r.id, column: "helpfulScore", stored: Number(r.helpfulScore), actual: expected });
  }
  return drift;
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
  { table: "RateLimit", problem: "unknown key kind", sql: `SELECT key AS id FROM "RateLimit" WHERE key !~ '^[a-z]+:[a-z]+:.+'` },
  { table: "WatchProgress", problem: "position outside 0–24 h", sql: `SELECT "userId" || '/' || "filmId" AS id FROM "WatchProgress" WHERE NOT (seconds >= 0 AND seconds <= 86400)` },
  { table: "WatchProgress", problem: "updated in the future", sql: `SELECT "userId" || '/' || "filmId" AS id FROM "WatchProgress" WHERE "updatedAt" > now() + interval '5 minutes'` },
  { table: "HelpfulVote", problem: "vote on the voter's own review", sql: `SELECT v.id FROM "HelpfulVote" v JOIN "Review" r ON r.id = v."reviewId" WHERE r."userId" = v."userId"` },
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
  const tables = await prisma.$queryRawUnsafe<{ t: string }[]>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}
