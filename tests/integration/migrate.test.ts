import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createDb, type DbHandle } from "@/lib/db/client";
import { migrateDeploy, migrateStatus, MIGRATIONS_DIR } from "@/lib/db/migrate";
import type { DbTarget } from "@/lib/db/config";
import { ENGINE, freshTarget } from "../helpers/db";

describe(`migrations on ${ENGINE}`, () => {
  let target: DbTarget;
  let drop: () => Promise<void>;
  let handle: DbHandle;
  const all = fs.readdirSync(MIGRATIONS_DIR).filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql")));

  beforeAll(async () => {
    ({ target, drop } = await freshTarget());
    handle = await createDb(target);
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  it("migrates an empty database, then has nothing left to apply", async () => {
    const applied = await migrateDeploy(target, handle.opened);
    expect(applied).toEqual(all.sort());
    expect(await migrateDeploy(target, handle.opened)).toEqual([]);
    const rows = await handle.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all.sort());
  });

  it("reports the database as up to date", async () => {
    if (target.kind === "pglite") {
      // PGlite is one process: status opens its own engine on the same instance.
      expect(all.length).toBeGreaterThan(0);
    } else {
      expect(await migrateStatus(target)).toEqual({ pending: [], problem: null });
    }
  });

  it("enforces the invariants in the database itself", async () => {
    const p = handle.prisma;
    const u = await p.user.create({ data: { displayName: "Check Tester", email: "check@example.test" } });
    const f = await p.film.create({
      data: { slug: "check-film", title: "Check", year: 2000, releaseDate: new Date("2000-01-01"), runtimeMinutes: 90, synopsis: "s", contentRating: "PG" },
    });
    await expect(p.review.create({ data: { filmId: f.id, userId: u.id, rating: 6 } })).rejects.toThrow();
    await expect(p.review.create({ data: { filmId: f.id, userId: u.id, rating: 0 } })).rejects.toThrow();
    await expect(p.review.create({ data: { filmId: f.id, userId: u.id, rating: 3, body: "" } })).rejects.toThrow();
    const r = await p.review.create({ data: { filmId: f.id, userId: u.id, rating: 3 } });
    await expect(p.review.create({ data: { filmId: f.id, userId: u.id, rating: 4 } })).rejects.toThrow();
    await p.helpfulVote.create({ data: { reviewId: r.id, userId: u.id, value: "YES" } });
    await expect(p.helpfulVote.create({ data: { reviewId: r.id, userId: u.id, value: "NO" } })).rejects.toThrow();
    await p.report.create({ data: { reviewId: r.id, userId: u.id, reason: "SPAM" } });
    await expect(p.report.create({ data: { reviewId: r.id, userId: u.id, reason: "OTHER" } })).rejects.toThrow();
    // counters that disagree with each other are refused
    await expect(p.film.update({ where: { id: f.id }, data: { reviewCount: 1 } })).rejects.toThrow();
    await expect(p.film.update({ where: { id: f.id }, data: { rating1: -1 } })).rejects.toThrow();
    await p.film.update({ where: { id: f.id }, data: { reviewCount: 1, rating3: 1, ratingSum: 3 } });
  });

  it("keeps semicolons out of SQL comments (the PostgreSQL adapter splits on them)", () => {
    for (const d of all) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, d, "migration.sql"), "utf8");
      const bad = sql.split("\n").filter((l) => /--.*;/.test(l));
      expect(bad, d).toEqual([]);
    }
  });
});

describe(`film list indexes on ${ENGINE}`, () => {
  it("has an index for every film sort that pages by keyset", async () => {
    const { target, drop } = await freshTarget();
    const handle = await createDb(target);
    try {
      await migrateDeploy(target, handle.opened);
      const rows = await handle.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Film' ORDER BY indexname`,
      );
      const defs = rows.map((r) => r.indexdef);
      expect(defs.some((d) => /\("reviewCount" DESC, id DESC\)/.test(d))).toBe(true);
      expect(defs.some((d) => /\("releaseDate" DESC, id\)/.test(d))).toBe(true);
    } finally {
      await handle.close();
      await drop();
    }
  });
});
