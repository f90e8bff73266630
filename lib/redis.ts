import "server-only";
import Redis from "ioredis";
import { settings } from "./env";

/**
 * The one Redis connection of this process, when REDIS_URL is set (null otherwise).
 * Redis is an accelerator, never a dependency: commands fail fast (no offline queue,
 * short timeouts) so callers can fall back, and a broken connection logs at most one
 * warning a minute.
 */
let client: Redis | null | undefined;
let lastWarn = 0;

export function redisWarn(what: string, err: unknown): void {
  const now = Date.now();
  if (now - lastWarn < 60_000) return;
  lastWarn = now;
  console.warn(`[redis] ${what}: ${err instanceof Error ? err.message : String(err)} (falling back; next warning in a minute at the earliest)`);
}

export function getRedis(): Redis | null {
  if (client !== undefined) return client;
  const url = settings().REDIS_URL;
  if (!url) return (client = null);
  client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  client.on("error", (e) => redisWarn("connection error", e));
  return client;
}
