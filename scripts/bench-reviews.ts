// npm run bench -- [reviews=200000]
// Builds a throwaway database with one film carrying N reviews (PGlite in memory, or a
// fresh database on the PostgreSQL server named by BENCH_DATABASE_URL), then times the
// film page's reads and a deep keyset page, and prints the query plans. A benchmark,
// not a test: it prints numbers, it asserts nothing.
import pg from "pg";
import { createDb, setDbForTests } from "../lib/db/client";
import { migrateDeploy } from "../lib/db/migrate";
import type { DbTarget } from "../lib/db/config";
import { encodeCursor } from "../lib/keyset/cursor";

async function main() {
  const n = Number(process.argv[2] ?? 200_000);
  const url = process.env.BENCH_DATABASE_URL;
  let target: DbTarget = { kind: "pglite", dataDir: null };
  let drop = async () => {};
  if (url) {
    const name = `marquee_bench_${Date.now().toString(36)}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await admin(`CREATE DATABASE "${name}"`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    target = { kind: "postgres", connectionString: u.toString(), schema: "public" };
    drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const handle = await createDb(target);
  try {
    await migrateDeploy(target, handle.opened);
    setDbForTests(handle);
    const p = handle.prisma;
    const t0 = Date.now();
    await p.$executeRawUnsafe(`INSERT INTO "Film" (id, slug, title, year, "releaseDate", "runtimeMinutes", synopsis, "contentRating", "updatedAt")
      VALUES ('bench', 'bench', 'Bench', 2020, '2020-01-01', 90, 's', 'PG', now())`);
    await p.$executeRawUnsafe(`INSERT INTO "User" (id, "displayName", "updatedAt") SELECT 'u' || g, 'Viewer ' || g, now() FROM generate_series(1, ${n}) g`);
    await p.$executeRawUnsafe(`INSERT INTO "Review" (id, "filmId", "userId", rating, body, "createdAt", "helpfulYes", "helpfulNo", "helpfulScore")
      SELECT 'r' || g, 'bench', 'u' || g, 1 + (g % 5), 'Review number ' || g, now() - (g || ' minutes')::interval, g % 37, g % 11,
             ((g::bigint * 7919) % 1000) / 1000.0
      FROM generate_series(1, ${n}) g`);
    await p.$executeRawUnsafe(`UPDATE "Film" f SET "reviewCount" = a.c, "ratingSum" = a.s, rating1 = a.r1, rating2 = a.r2, rating3 = a.r3, rating4 = a.r4, rating5 = a.r5
      FROM (SELECT count(*)::int c, sum(rating)::int s, count(*) FILTER (WHERE rating=1)::int r1, count(*) FILTER (WHERE rating=2)::int r2,
        count(*) FILTER (WHERE rating=3)::int r3, count(*) FILTER (WHERE rating=4)::int r4, count(*) FILTER (WHERE rating=5)::int r5 FROM "Review") a WHERE f.id = 'bench'`);
    await p.$executeRawUnsafe(`ANALYZE`);
    console.log(`${target.kind}: ${n.toLocaleString("en-US")} reviews on one film, built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const { loadFilmBySlug, loadSimilarFilms } = await import("../lib/data/films");
    const { listReviews } = await import("../lib/data/reviews");
    const time = async (label: string, fn: () => Promise<unknown>, runs = 30) => {
      await fn();
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await fn();
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      console.log(`${label.padEnd(46)} median ${ms[Math.floor(runs / 2)]!.toFixed(2)} ms   p90 ${ms[Math.floor(runs * 0.9)]!.toFixed(2)} ms`);
    };
    await time("film page reads (film, top 4 reviews, similar)", async () => {
      const f = (await loadFilmBySlug("bench"))!;
      await Promise.all([listReviews({ filmId: f.id, filmSlug: "bench", sort: "helpful", limit: 4 }), loadSimilarFilms(f.id)]);
    });
    for (const sort of ["helpful", "newest", "highest", "lowest"] as const) {
      await time(`reviews, ${sort}, page 1`, () => listReviews({ filmId: "bench", filmSlug: "bench", sort, limit: 10 }));
    }
    // a cursor deep in the list: the review at position n/2 of "newest"
    const mid = Math.floor(n / 2);
    const row = (
      await p.$queryRawUnsafe<{ id: string; createdAt: Date; helpfulScore: number; rating: number }[]>(
        `SELECT id, "createdAt", "helpfulScore", rating FROM "Review" WHERE id = 'r${mid}'`,
      )
    )[0]!;
    const deep = (v: (string | number)[]) => encodeCursor({ v, id: row.id });
    await time(`reviews, newest, page ~${Math.floor(mid / 10).toLocaleString("en-US")}`, () =>
      listReviews({ filmId: "bench", filmSlug: "bench", sort: "newest", cursor: deep([row.createdAt.toISOString()]), limit: 10 }),
    );
    await time(`reviews, helpful, deep cursor`, () =>
      listReviews({ filmId: "bench", filmSlug: "bench", sort: "helpful", cursor: deep([row.helpfulScore, row.createdAt.toISOString()]), limit: 10 }),
    );
    await time(`reviews, lowest, deep cursor`, () =>
      listReviews({ filmId: "bench", filmSlug: "bench", sort: "lowest", cursor: deep([row.rating, row.createdAt.toISOString()]), limit: 10 }),
    );
    await time(`reviews, 2 stars, newest, page 1`, () => listReviews({ filmId: "bench", filmSlug: "bench", sort: "newest", rating: 2, limit: 10 }));
    const plan = await p.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Review" r WHERE r."filmId" = 'bench' AND r.status = 'VISIBLE' AND (r."createdAt", r.id) < ($1::timestamp(3), $2) ORDER BY r."createdAt" DESC, r.id DESC LIMIT 11`,
      row.createdAt,
      row.id,
    );
    console.log("plan of a deep 'newest' page:\n  " + plan.map((r) => r["QUERY PLAN"]).join("\n  "));
  } finally {
    await handle.close();
    await drop();
  }
}

setTimeout(() => {
  console.error("bench: timed out after 15 minutes");
  process.exit(1);
}, 900_000).unref();
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
