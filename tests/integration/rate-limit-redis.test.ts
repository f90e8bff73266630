// Rate-limit counters in Redis (REDIS_URL): one atomic INCR+PEXPIRE per attempt, shared by
// every instance. Runs against TEST_REDIS_URL (CI sets it when a Redis server answers,
// e.g. redis://127.0.0.1:6379/15); without it, the same assertions hold through the
// database fallback, so the limiter's behaviour is checked either way.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const REDIS = process.env.TEST_REDIS_URL;
process.env.REDIS_URL = REDIS ?? "redis://127.0.0.1:1/0";

const { hitLimit, clearLimit } = await import("@/lib/data/rate-limit");
const { getRedis } = await import("@/lib/redis");
const { ENGINE, openTestDb } = await import("../helpers/db");

let db: Awaited<ReturnType<typeof openTestDb>>;
const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  getRedis()?.disconnect();
  await db?.dispose();
});

describe(`rate-limit counters (${REDIS ? "Redis" : "database fallback"}, ${ENGINE})`, () => {
  it("counts exactly under concurrency and reports the wait", async () => {
    const key = `t:${Date.now()}:${Math.random()}`;
    const hits = await Promise.all(Array.from({ length: 25 }, () => hitLimit(key, 20, 60)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(hits.filter((h) => !h.allowed)).toHaveLength(5);
    expect(Math.max(...hits.map((h) => h.retryAfterSeconds))).toBeLessThanOrEqual(60);
    await clearLimit(key);
    expect((await hitLimit(key, 20, 60)).count).toBe(1);
    if (REDIS) {
      // the counter lives in Redis, with the window as its expiry; nothing in the database
      const ttl = await getRedis()!.pttl(`marquee:rl:${key}`);
      expect(ttl).toBeGreaterThan(55_000);
      expect(await db.prisma.rateLimit.count({ where: { key } })).toBe(0);
    } else {
      expect(await db.prisma.rateLimit.count({ where: { key } })).toBe(1);
      expect(warn.mock.calls.some((c) => String(c[0]).startsWith("[redis]"))).toBe(true);
    }
  });
});
