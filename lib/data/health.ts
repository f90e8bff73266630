import "server-only";
import { getDb } from "../db/client";
import { getRedis } from "../redis";
import { markDatabaseUnavailable } from "../errors";

export type Probe = { ok: boolean; ms: number; error?: string };
export type Health = { ok: boolean; database: Probe; redis?: Probe };

const LIMIT_MS = 1000;

async function probe(fn: () => Promise<unknown>): Promise<Probe> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${LIMIT_MS} ms`)), LIMIT_MS);
      }),
    ]);
    return { ok: true, ms: Date.now() - t0 };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // a short reason, never a connection string
    return {
      ok: false,
      ms: Date.now() - t0,
      error:
        msg
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .pop()
          ?.slice(0, 160) ?? "failed",
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Does the database answer a query (and Redis a PING, when REDIS_URL is set) within a second? */
export async function checkHealth(): Promise<Health> {
  const redis = getRedis();
  const [database, redisProbe] = await Promise.all([
    probe(async () => (await getDb()).prisma.$queryRawUnsafe("SELECT 1")),
    redis ? probe(() => redis.ping()) : Promise.resolve(undefined),
  ]);
  if (!database.ok) markDatabaseUnavailable();
  return { ok: database.ok && (redisProbe?.ok ?? true), database, ...(redisProbe ? { redis: redisProbe } : {}) };
}
