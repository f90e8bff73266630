// PGlite has no autovacuum: the app vacuums and analyzes an embedded store by autovacuum's
// own rule (lib/data/maintenance.ts); on a PostgreSQL server it leaves that to autovacuum.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { maintainEmbeddedStore } from "@/lib/data/maintenance";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

type Stat = { dead: number; vacuumed: boolean; analyzed: boolean };
async function stat(table: string): Promise<Stat> {
  // the statement's own counts reach the shared statistics at its next report
  await db.prisma.$executeRawUnsafe(`SELECT pg_stat_force_next_flush()`);
  await db.prisma.$queryRawUnsafe(`SELECT 1`);
  const [r] = await db.prisma.$queryRawUnsafe<{ dead: number; vacuumed: boolean; analyzed: boolean }[]>(
    `SELECT n_dead_tup::int AS dead, (last_vacuum IS NOT NULL) AS vacuumed, (last_analyze IS NOT NULL) AS analyzed
     FROM pg_stat_user_tables WHERE relname = $1 AND schemaname = current_schema()`,
    table,
  );
  return { dead: Number(r!.dead), vacuumed: r!.vacuumed, analyzed: r!.analyzed };
}

/** Rewrites every film three times: three dead versions per live one. */
async function churn() {
  for (let i = 0; i < 3; i++) await db.prisma.$executeRawUnsafe(`UPDATE "Film" SET "updatedAt" = now()`);
}

describe(`embedded store maintenance on ${ENGINE}`, () => {
  if (ENGINE === "pglite") {
    it("vacuums and analyzes a table once its dead rows pass autovacuum's threshold, and not again until they do", async () => {
      const films = await db.prisma.film.count();
      await churn();
      expect((await stat("Film")).dead).toBeGreaterThanOrEqual(3 * films);
      const steps = await maintainEmbeddedStore(db.prisma, db.target);
      expect(steps.find((s) => s.table === "Film")).toMatchObject({ action: "vacuum" });
      const after = await stat("Film");
      expect(after).toMatchObject({ dead: 0, vacuumed: true, analyzed: true });
      // below the threshold now: nothing to do for films
      const again = await maintainEmbeddedStore(db.prisma, db.target);
      expect(again.find((s) => s.table === "Film")).toBeUndefined();
      // and the store still answers as before
      expect(await db.prisma.film.count()).toBe(films);
    });

    it("vacuums every table on its first run after a start (PGlite counts dead rows from its start only)", async () => {
      const steps = await maintainEmbeddedStore(db.prisma, db.target, { everyTable: true });
      const tables = await db.prisma.$queryRawUnsafe<{ t: string; vacuumed: boolean }[]>(
        `SELECT relname AS t, (last_vacuum IS NOT NULL) AS vacuumed FROM pg_stat_user_tables WHERE schemaname = current_schema()`,
      );
      expect(tables.length).toBeGreaterThan(15);
      expect(steps.map((s) => s.table).sort()).toEqual(tables.map((t) => t.t).sort());
      expect(tables.filter((t) => !t.vacuumed)).toEqual([]);
    });
  } else {
    it("leaves a PostgreSQL server to its autovacuum", async () => {
      await churn();
      expect(await maintainEmbeddedStore(db.prisma, db.target)).toEqual([]);
    });
  }
});
