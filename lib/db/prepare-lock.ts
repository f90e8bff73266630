// Several instances started at once with one DATABASE_URL must migrate and seed the
// database exactly once: each takes a PostgreSQL advisory lock (session level, on a
// connection of its own) around "migrate, then seed when empty"; the others wait for
// it, then find nothing left to do. PGlite needs none: its folder lock admits one process.
import pg from "pg";
import type { DbTarget } from "./config";

/** A fixed 64-bit key for "marquee: prepare the database" (hashtext is not stable across versions). */
export const PREPARE_LOCK_KEY = 7316_2026_0009n;

export async function withPrepareLock<T>(target: DbTarget, fn: () => Promise<T>, onWait: () => void = () => {}): Promise<T> {
  if (target.kind !== "postgres") return fn();
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PREPARE_LOCK_KEY.toString()]);
    if (!got.rows[0]?.ok) {
      onWait();
      await client.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK_KEY.toString()]);
    }
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PREPARE_LOCK_KEY.toString()]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
