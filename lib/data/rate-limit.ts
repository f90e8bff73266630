import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { getRedis, redisWarn } from "../redis";

export type LimitState = { allowed: boolean; count: number; retryAfterSeconds: number };

// INCR, and start the window on the first hit: one atomic step on the Redis server.
const REDIS_HIT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end
return {c, t}`;

const redisKey = (key: string) => `marquee:rl:${key}`;

async function hitRedis(key: string, windowSeconds: number): Promise<{ count: number; retry: number } | null> {
  const redis = getRedis();
  if (!redis) return null;
  try {
    const [count, ttl] = (await redis.eval(REDIS_HIT, 1, redisKey(key), String(windowSeconds * 1000))) as [number, number];
    return { count: Number(count), retry: Math.max(0, Number(ttl)) / 1000 };
  } catch (e) {
    redisWarn("rate limit counter", e);
    return null;
  }
}

async function hitDatabase(key: string, windowSeconds: number): Promise<{ count: number; retry: number }> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ count: number; retry: number }[]>(Prisma.sql`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING count, GREATEST(0, EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now())))::float8 AS retry`);
  const row = rows[0]!;
  return { count: Number(row.count), retry: Number(row.retry) };
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is allowed.
 * In Redis when REDIS_URL is set (shared by every instance), else in the database; a
 * Redis failure falls back to the database with a warning, never an error. Each path
 * is one atomic step, so concurrent attempts count exactly.
 */
export async function hitLimit(key: string, limit: number, windowSeconds: number): Promise<LimitState> {
  const hit = (await hitRedis(key, windowSeconds)) ?? (await hitDatabase(key, windowSeconds));
  // now() is each transaction's start, so under concurrency the rest of a window can come
  // out a fraction over the window itself: never say more than the window.
  return { allowed: hit.count <= limit, count: hit.count, retryAfterSeconds: Math.min(windowSeconds, Math.max(1, Math.ceil(hit.retry))) };
}

export async function clearLimit(key: string): Promise<void> {
  const redis = getRedis();
  if (redis) {
    try {
      await redis.del(redisKey(key));
    } catch (e) {
      redisWarn("rate limit counter", e);
    }
  }
  const prisma = await db();
  await prisma.rateLimit.deleteMany({ where: { key } });
}
