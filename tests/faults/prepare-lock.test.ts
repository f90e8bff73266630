// Several instances started at the same moment with one DATABASE_URL: migrations and
// the seed run exactly once (PostgreSQL advisory lock in scripts/prepare-db.ts); the
// others wait, then find the work done.
import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPgDatabase, finished, query, ROOT, tempDir, tsx } from "./helpers";

let drop: () => Promise<void> = async () => {};
let dbUrl = "";
afterAll(() => drop());

it("three prepare-db processes at once on a fresh PostgreSQL database: one migration history, one seed", async () => {
  const db = await createPgDatabase("prepare");
  drop = db.drop;
  dbUrl = db.url;
  const procs = [0, 1, 2].map(() => tsx("scripts/prepare-db.ts", [], { DATABASE_URL: db.url, NODE_ENV: "production" }));
  const exits = await Promise.all(procs.map((p) => finished(p, 170_000)));
  const outs = procs.map((p) => p.out());
  for (const [i, e] of exits.entries()) expect(e.code, outs[i]).toBe(0);

  const migrations = fs
    .readdirSync(path.join(ROOT, "prisma", "migrations"))
    .filter((d) => fs.existsSync(path.join(ROOT, "prisma", "migrations", d, "migration.sql")));
  const history = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    db.url,
    `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  expect(history.map((h) => h.migration_name)).toEqual(migrations.sort());
  expect(history.every((h) => h.finished_at && !h.rolled_back_at)).toBe(true);

  const seeded = outs.filter((o) => o.includes("Database: seeded"));
  expect(seeded).toHaveLength(1);
  expect(outs.filter((o) => o.includes(`applied ${migrations.length} migration(s)`))).toHaveLength(1);
  const m = /seeded (\d+) films and (\d+) reviews/.exec(seeded[0]!)!;
  const [films] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "Film"`);
  const [reviews] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "Review"`);
  expect(films!.n).toBe(Number(m[1]));
  expect(reviews!.n).toBe(Number(m[2]));
  const [admins] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "User" WHERE role = 'ADMIN'`);
  expect(admins!.n).toBe(1);
});

it("db:backup (pg_dump) and db:restore on PostgreSQL, then db:check is clean", async () => {
  const url = dbUrl;
  expect(url).toMatch(/^postgresql:/);
  const dir = tempDir("pgbackup");
  try {
    const b = tsx("scripts/db-backup.ts", [], { DATABASE_URL: url, BACKUP_DIR: dir });
    expect((await finished(b, 120_000)).code, b.out()).toBe(0);
    const [file] = fs.readdirSync(dir);
    expect(file).toMatch(/^marquee-postgres-\d{8}-\d{6}\.dump$/);
    await query(url, `DELETE FROM "HelpfulVote"`);
    const r = tsx("scripts/db-restore.ts", [path.join(dir, file!)], { DATABASE_URL: url });
    expect((await finished(r, 120_000)).code, r.out()).toBe(0);
    expect(r.out()).toContain("db:check: every counter");
    const [votes] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "HelpfulVote"`);
    expect(votes!.n).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
