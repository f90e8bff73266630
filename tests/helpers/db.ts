// Each integration test file gets its own database: an in-memory PGlite by default,
// or a fresh schema on the PostgreSQL server named by TEST_DATABASE_URL (dropped after).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DbTarget } from "@/lib/db/config";
import { createDb, setDbForTests, type DbHandle } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/migrate";
import { assertLocalDatabase } from "./assert-local";

export const ENGINE = process.env.TEST_DATABASE_URL ? "postgresql" : "pglite";

export async function freshTarget(): Promise<{ target: DbTarget; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { target: { kind: "pglite", dataDir: null }, drop: async () => {} };
  assertLocalDatabase(url);
  // A fresh database per test file: schemas would share one database, and Prisma's
  // migration advisory lock is per database, so parallel files would queue on it.
  const name = `marquee_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    target: { kind: "postgres", connectionString: u.toString(), schema: "public" },
    drop: async () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export type TestDb = DbHandle & { dispose: () => Promise<void> };

/** A migrated, empty database, installed as the data layer's client. */
export async function openTestDb(): Promise<TestDb> {
  const { target, drop } = await freshTarget();
  const handle = await createDb(target);
  await migrateDeploy(target, handle.opened);
  setDbForTests(handle);
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await drop();
    },
  };
}
