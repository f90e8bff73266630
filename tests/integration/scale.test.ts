// The store at size, in small: the generator (npm run db:generate), the one-statement
// vote and review writes, and their counters under 200 concurrent members.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { findCounterDrift } from "@/lib/data/integrity";
import { busyKeys } from "@/lib/data/hot-rows";
import { loadFilmBySlug } from "@/lib/data/films";
import { saveReview, voteOnReview, voteSql } from "@/lib/data/review-writes";
import { wilsonLowerBound } from "@/lib/ratings";
import { generateStore, holdsMemberData, reviewCounts } from "@/scripts/db-generate-lib";
import { openSql, parseArgs } from "@/scripts/db-generate";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";
import { countQueries, type QueryCounter } from "../helpers/query-counter";

describe(`db:generate on ${ENGINE}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => db?.dispose());

  it("fills an empty database with a long-tailed store whose counters all match", async () => {
    const { sql, close } = await openSql(db.target, db.opened.pglite);
    try {
      expect(await holdsMemberData(sql)).toBe(false);
      const indexesBefore = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename IN ('Review', 'HelpfulVote', 'Report')`);
      const steps: string[] = [];
      const r = await generateStore(sql, { films: 1200, reviews: 3000, members: 500, votes: 6000 }, (_d, _t, label) => steps.push(label));
      expect(r).toMatchObject({ films: 1200, reviews: 3000, members: 500 });
      expect(r.votes).toBeGreaterThan(3000);
      expect(r.reports).toBeGreaterThan(0);
      expect(steps).toContain("film counters");
      expect(await holdsMemberData(sql)).toBe(true);
      // the bulk load dropped and rebuilt the indexes and keys
      const indexesAfter = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename IN ('Review', 'HelpfulVote', 'Report')`);
      expect(indexesAfter[0]!.n).toBe(indexesBefore[0]!.n);
      await expect(
        sql.exec(`INSERT INTO "HelpfulVote" (id, "reviewId", "userId", value, "updatedAt") VALUES ('x', 'nope', 'gm1', 'YES', now())`),
      ).rejects.toThrow();
    } finally {
      await close();
    }
    expect(await findCounterDrift(db.prisma)).toEqual([]);

    const films = await db.prisma.film.findMany({ select: { reviewCount: true }, orderBy: { reviewCount: "desc" } });
    const median = films[Math.floor(films.length / 2)]!.reviewCount;
    expect(films[0]!.reviewCount).toBeGreaterThan(20 * Math.max(1, median)); // a long tail
    const byStar = await db.prisma.review.groupBy({ by: ["rating"], _count: { _all: true } });
    const share = (s: number) => (byStar.find((b) => b.rating === s)?._count._all ?? 0) / 3000;
    expect(share(4) + share(5)).toBeGreaterThan(0.5); // ratings skew high
    expect(share(1)).toBeGreaterThan(share(2));
    const statuses = await db.prisma.review.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toContain("VISIBLE");
    const lengths = await db.prisma.$queryRawUnsafe<{ none: number; short: number; long: number; years: number }[]>(
      `SELECT count(*) FILTER (WHERE body IS NULL)::int AS none, count(*) FILTER (WHERE length(body) < 80)::int AS short,
              count(*) FILTER (WHERE length(body) > 300)::int AS long,
              (extract(epoch FROM max("createdAt") - min("createdAt")) / 86400 / 365)::int AS years FROM "Review"`,
    );
    expect(lengths[0]!.none).toBeGreaterThan(0);
    expect(lengths[0]!.short).toBeGreaterThan(0);
    expect(lengths[0]!.long).toBeGreaterThan(0);
    expect(lengths[0]!.years).toBeGreaterThanOrEqual(3);
  });

  it("pages top rated as one index range, in the whole catalog and in a genre, inside groups of tied films", async () => {
    const { listFilms } = await import("@/lib/data/film-lists");
    const genre = (await db.prisma.genre.findFirst({ orderBy: { id: "asc" } }))!;
    // the order written out from the films' counters: 10 ratings of 3.75 as the prior (lib/ranking.ts)
    const films = await db.prisma.film.findMany({
      where: { published: true },
      select: { id: true, reviewCount: true, ratingSum: true, genres: { select: { genreId: true } } },
    });
    const score = (f: { reviewCount: number; ratingSum: number }) => (f.ratingSum + 37.5) / (f.reviewCount + 10);
    const order = (a: (typeof films)[number], b: (typeof films)[number]) =>
      score(b) - score(a) || b.reviewCount - a.reviewCount || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const ranked = [...films].sort(order);
    // the generated store has large groups of films with equal counts: pages fall inside them
    const tied = new Map<string, number>();
    for (const f of films) tied.set(`${f.reviewCount}/${f.ratingSum}`, (tied.get(`${f.reviewCount}/${f.ratingSum}`) ?? 0) + 1);
    expect(Math.max(...tied.values())).toBeGreaterThan(40);
    for (const genreId of [undefined, genre.id]) {
      const expected = ranked.filter((f) => !genreId || f.genres.some((g) => g.genreId === genreId)).map((f) => f.id);
      const pages: { ids: string[]; prev: string | null }[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 200; page++) {
        const p = await listFilms({ sort: "top", genreId, cursor, limit: 20 });
        pages.push({ ids: p.items.map((f) => f.id), prev: p.prev });
        if (!p.next) break;
        cursor = p.next;
      }
      expect(pages.flatMap((p) => p.ids)).toEqual(expected);
      // paging back gives the very same pages
      for (let k = 1; k < pages.length; k += 7) {
        const back = await listFilms({ sort: "top", genreId, cursor: pages[k]!.prev!, dir: "prev", limit: 20 });
        expect(back.items.map((f) => f.id)).toEqual(pages[k - 1]!.ids);
      }
    }
  });

  it("gives each film its share of reviews, never more than there are members", () => {
    const c = reviewCounts(1000, 50_000, 2000);
    expect(c.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(Math.max(...c)).toBeLessThanOrEqual(2000);
    expect(c[0]!).toBeGreaterThanOrEqual(c[500]!);
  });

  it("reads its flags with the issue's defaults", () => {
    expect(parseArgs([])).toEqual({ films: 100_000, reviews: 2_000_000, members: 1_000_000, votes: 5_000_000, force: false });
    expect(parseArgs(["--films", "10", "--reviews=2_000", "--force"])).toMatchObject({ films: 10, reviews: 2000, force: true });
    expect(() => parseArgs(["--films", "many"])).toThrow(/whole number/);
    expect(() => parseArgs(["--drop-everything"])).toThrow(/unknown argument/);
  });
});

describe(`one statement per write on ${ENGINE}`, () => {
  let db: TestDb;
  let queries: QueryCounter;
  let transactions = 0;
  beforeAll(async () => {
    db = await openTestDb();
    queries = countQueries(db.opened);
    const factory = db.opened.factory as unknown as { connect: () => Promise<Record<string, unknown>> };
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      const start = adapter.startTransaction as (...a: unknown[]) => Promise<unknown>;
      adapter.startTransaction = (...a: unknown[]) => {
        transactions += 1;
        return start.apply(adapter, a);
      };
      return adapter;
    };
    await seed(db.prisma);
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "User" (id, "displayName", "updatedAt") SELECT 'load' || g, 'Load ' || g, now() FROM generate_series(1, 200) g`,
    );
  });
  afterAll(async () => db?.dispose());

  const actor = (i: number) => ({ id: `load${i}`, role: "MEMBER" as const });

  it("computes the Wilson score in SQL exactly as lib/ratings.ts does", async () => {
    const pairs: [number, number][] = [];
    for (let y = 0; y <= 30; y++) for (let n = 0; n <= 30; n++) pairs.push([y, n]);
    pairs.push([1000, 3], [123456, 654321], [2_000_000, 1]);
    const rows = await db.prisma.$queryRawUnsafe<{ y: number; n: number; s: number }[]>(
      `SELECT y, n, marquee_wilson(y, n) AS s FROM unnest($1::int[], $2::int[]) AS t(y, n)`,
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    for (const r of rows) expect(Math.abs(Number(r.s) - wilsonLowerBound(Number(r.y), Number(r.n)))).toBeLessThanOrEqual(1e-15);
  });

  it("saves a review and votes in one statement each, without an interactive transaction", async () => {
    const f = (await loadFilmBySlug("the-work"))!;
    queries.reset();
    transactions = 0;
    const saved = await saveReview(actor(1), { filmId: f.id, rating: 4, body: "One round trip." });
    expect(saved).toMatchObject({ ok: true, data: { created: true } });
    expect({ queries: queries.count, transactions }).toEqual({ queries: 1, transactions: 0 });
    if (!saved.ok) return;
    queries.reset();
    const edited = await saveReview(actor(1), { filmId: f.id, rating: 2, body: "Changed my mind." });
    expect(edited).toMatchObject({ ok: true, data: { created: false, reviewId: saved.data.reviewId } });
    expect({ queries: queries.count, transactions }).toEqual({ queries: 1, transactions: 0 });
    for (const value of ["YES", "NO", "NO", null] as const) {
      queries.reset();
      expect(await voteOnReview(actor(2), { reviewId: saved.data.reviewId, value })).toMatchObject({ ok: true });
      expect({ queries: queries.count, transactions }).toEqual({ queries: 1, transactions: 0 });
    }
    // refusals cost the same one statement and change nothing
    expect(await voteOnReview(actor(1), { reviewId: saved.data.reviewId, value: "YES" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await voteOnReview(actor(2), { reviewId: "no-such-review", value: "YES" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await saveReview(actor(2), { filmId: "no-such-film", rating: 3 })).toMatchObject({ ok: false, code: "not-found" });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("commits a vote without waiting for the disk on PostgreSQL, only that transaction, and never on PGlite", async () => {
    const f = (await loadFilmBySlug("heat"))!;
    const saved = await saveReview(actor(150), { filmId: f.id, rating: 3, body: "Async commit." });
    if (!saved.ok) throw new Error(saved.message);
    const seen = await db.prisma.$transaction(async (tx) => {
      const before = await tx.$queryRawUnsafe<{ s: string }[]>(`SELECT current_setting('synchronous_commit') AS s`);
      // as voteOnReview builds it: asynchronous commit only where the database is a server
      const q = voteSql(actor(151).id, saved.data.reviewId, "YES", `async-${ENGINE}`, ENGINE === "postgresql");
      const vote = await tx.$queryRaw<{ found: boolean; yes: number }[]>(q);
      const after = await tx.$queryRawUnsafe<{ s: string }[]>(`SELECT current_setting('synchronous_commit') AS s`);
      return { before: before[0]!.s, found: vote[0]!.found, yes: Number(vote[0]!.yes), after: after[0]!.s };
    });
    expect(seen).toEqual({ before: "on", found: true, yes: 1, after: ENGINE === "postgresql" ? "off" : "on" });
    // a later transaction commits synchronously again
    const later = await db.prisma.$transaction(async (tx) => tx.$queryRawUnsafe<{ s: string }[]>(`SELECT current_setting('synchronous_commit') AS s`));
    expect(later[0]!.s).toBe("on");
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("writes the votes that arrive together on one review in one statement, each member with their own outcome", async () => {
    const f = (await loadFilmBySlug("arrival"))!;
    const saved = await saveReview(actor(160), { filmId: f.id, rating: 4, body: "Votes in a batch." });
    if (!saved.ok) throw new Error(saved.message);
    const reviewId = saved.data.reviewId;
    expect(await voteOnReview(actor(161), { reviewId, value: "YES" })).toMatchObject({ ok: true });
    expect(await voteOnReview(actor(162), { reviewId, value: "NO" })).toMatchObject({ ok: true });
    queries.reset();
    // the first goes alone; the rest arrive while it runs: one batch of distinct members,
    // then the member who voted twice
    const results = await Promise.all([
      voteOnReview(actor(161), { reviewId, value: "NO" }), // flips
      voteOnReview(actor(162), { reviewId, value: null }), // withdraws
      voteOnReview(actor(163), { reviewId, value: "YES" }),
      voteOnReview(actor(164), { reviewId, value: "YES" }),
      voteOnReview(actor(160), { reviewId, value: "YES" }), // the author
      voteOnReview(actor(163), { reviewId, value: "NO" }), // changes their mind
    ]);
    expect(queries.count).toBe(3);
    expect(results.map((r) => (r.ok ? r.data.myVote : r.code))).toEqual(["NO", null, "YES", "YES", "forbidden", "NO"]);
    expect(results[5]).toMatchObject({ ok: true, data: { yes: 1, no: 2 } });
    const votes = await db.prisma.helpfulVote.findMany({ where: { reviewId }, select: { userId: true, value: true }, orderBy: { userId: "asc" } });
    expect(votes).toEqual([
      { userId: "load161", value: "NO" },
      { userId: "load163", value: "NO" },
      { userId: "load164", value: "YES" },
    ]);
    expect(await db.prisma.review.findUnique({ where: { id: reviewId }, select: { helpfulYes: true, helpfulNo: true } })).toEqual({
      helpfulYes: 1,
      helpfulNo: 2,
    });
    // a batch that fails is tried vote by vote: only the bad vote (a member who does not exist) fails
    const settled = await Promise.allSettled([
      voteOnReview(actor(165), { reviewId, value: "YES" }),
      voteOnReview({ id: "no-such-member", role: "MEMBER" }, { reviewId, value: "YES" }),
      voteOnReview(actor(166), { reviewId, value: "YES" }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.prisma.review.findUnique({ where: { id: reviewId }, select: { helpfulYes: true, helpfulNo: true } })).toEqual({
      helpfulYes: 3,
      helpfulNo: 2,
    });
    expect(busyKeys()).toBe(0);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("keeps every counter exact with 200 members voting at once on 3 hot reviews", async () => {
    const f = (await loadFilmBySlug("alien"))!;
    const hot: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await saveReview(actor(190 + i), { filmId: f.id, rating: 5 - i, body: `Hot take ${i}` });
      if (!r.ok) throw new Error(r.message);
      hot.push(r.data.reviewId);
    }
    const rounds = 3;
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: 180 }, async (_, m) => {
        const out = [];
        for (let i = 0; i < rounds; i++) {
          const value = (m + i) % 3 === 0 ? null : (m + i) % 3 === 1 ? "YES" : "NO";
          out.push(await voteOnReview(actor(m + 1), { reviewId: hot[(m + i) % 3]!, value }));
        }
        // and the same member twice at the same moment
        out.push(
          ...(await Promise.all([
            voteOnReview(actor(m + 1), { reviewId: hot[0]!, value: "YES" }),
            voteOnReview(actor(m + 1), { reviewId: hot[0]!, value: "NO" }),
          ])),
        );
        return out;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const all = results.flat();
    expect(all.filter((r) => !r.ok)).toEqual([]);
    console.log(`${ENGINE}: ${all.length} concurrent votes in ${seconds.toFixed(2)} s (${Math.round(all.length / seconds)}/s)`);
    const rows = await db.prisma.$queryRawUnsafe<{ id: string; helpfulYes: number; helpfulNo: number; yes: number; no: number }[]>(
      `SELECT r.id, r."helpfulYes", r."helpfulNo",
         (SELECT count(*) FROM "HelpfulVote" v WHERE v."reviewId" = r.id AND v.value = 'YES')::int AS yes,
         (SELECT count(*) FROM "HelpfulVote" v WHERE v."reviewId" = r.id AND v.value = 'NO')::int AS no
       FROM "Review" r WHERE r.id = ANY($1::text[])`,
      hot,
    );
    for (const r of rows) expect([r.helpfulYes, r.helpfulNo]).toEqual([r.yes, r.no]);
    expect(rows.reduce((a, r) => a + r.yes + r.no, 0)).toBeGreaterThan(180);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("keeps the film's counters exact with 200 members saving reviews at once", async () => {
    const before = (await loadFilmBySlug("fargo"))!;
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, m) => [
        await saveReview(actor(m + 1), { filmId: before.id, rating: (m % 5) + 1, body: `Take ${m}` }),
        // an edit that moves the star, racing a second edit by the same member
        ...(await Promise.all([
          saveReview(actor(m + 1), { filmId: before.id, rating: ((m + 2) % 5) + 1 }),
          saveReview(actor(m + 1), { filmId: before.id, rating: ((m + 3) % 5) + 1 }),
        ])),
      ]),
    );
    expect(results.flat().filter((r) => !r.ok)).toEqual([]);
    const after = (await loadFilmBySlug("fargo"))!;
    expect(after.reviewCount).toBe(before.reviewCount + 200);
    expect(await db.prisma.review.count({ where: { filmId: before.id, userId: { startsWith: "load" } } })).toBe(200);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });
});
