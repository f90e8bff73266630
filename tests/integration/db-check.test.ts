// db:check covers the tables without counters too: rate limits, watch progress, votes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { countEveryTable, findRowProblems } from "@/lib/data/integrity";
import { hitLimit } from "@/lib/data/rate-limit";
import { openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.dispose();
});

it("reads every table, including RateLimit and WatchProgress", async () => {
  const counts = await countEveryTable(db.prisma);
  for (const t of ["Film", "Review", "HelpfulVote", "Report", "User", "RateLimit", "WatchProgress", "WishlistEntry", "_prisma_migrations"])
    expect(counts).toHaveProperty(t);
});

it("finds broken rate-limit and watch-progress rows, and passes clean ones", async () => {
  await hitLimit("signin:email:someone@example.test", 10, 900);
  // Every write limit's keys pass, camel-cased names too (passwordReset:email:…).
  await hitLimit("passwordReset:email:someone@example.test", 5, 3600);
  await hitLimit("passwordReset:addr:127.0.0.1", 5, 3600);
  await hitLimit("vote:user:abc", 60, 60);
  const user = await db.prisma.user.create({ data: { displayName: "Checker", email: `checker-${Date.now()}@example.test` } });
  const film = await db.prisma.film.create({
    data: {
      slug: `check-${Date.now()}`,
      title: "Check",
      year: 2020,
      releaseDate: new Date("2020-01-01"),
      runtimeMinutes: 90,
      synopsis: "x",
      contentRating: "PG",
    },
  });
  await db.prisma.watchProgress.create({ data: { userId: user.id, filmId: film.id, seconds: 42 } });
  expect(await findRowProblems(db.prisma)).toEqual([]);

  await db.prisma.rateLimit.create({ data: { key: "signin:addr:10.0.0.1", count: 0, windowStart: new Date(Date.now() + 3600_000) } });
  await db.prisma.rateLimit.create({ data: { key: "bogus:addr:10.0.0.2", count: 1, windowStart: new Date() } });
  await db.prisma.watchProgress.update({ where: { userId_filmId: { userId: user.id, filmId: film.id } }, data: { seconds: -5 } });
  const problems = await findRowProblems(db.prisma);
  expect(problems).toEqual(
    expect.arrayContaining([
      { table: "RateLimit", id: "signin:addr:10.0.0.1", problem: "count below 1" },
      { table: "RateLimit", id: "signin:addr:10.0.0.1", problem: "window starts in the future" },
      { table: "RateLimit", id: "bogus:addr:10.0.0.2", problem: "unknown key kind" },
      { table: "WatchProgress", id: `${user.id}/${film.id}`, problem: "position outside 0–24 h" },
    ]),
  );
  expect(problems).toHaveLength(4);
});
