// GET /api/health: 200 when the database (and Redis, when configured) answer within a
// second; 503 naming the part that failed otherwise; never cached.
import { beforeEach, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ db: "ok", redis: null as null | "ok" | "hang" }));

vi.mock("@/lib/db/client", () => ({
  getDb: async () => ({
    prisma: {
      $queryRawUnsafe: () =>
        state.db === "ok"
          ? Promise.resolve([{ "?column?": 1 }])
          : state.db === "hang"
            ? new Promise(() => {})
            : Promise.reject(new Error("Can't reach database server at 10.0.0.9:5432")),
    },
  }),
}));
vi.mock("@/lib/redis", () => ({
  getRedis: () => (state.redis === null ? null : { ping: () => (state.redis === "ok" ? Promise.resolve("PONG") : new Promise(() => {})) }),
}));

beforeEach(() => {
  state.db = "ok";
  state.redis = null;
});

async function call() {
  const { GET, dynamic } = await import("@/app/api/health/route");
  expect(dynamic).toBe("force-dynamic");
  const t0 = Date.now();
  const res = await GET();
  return { res, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - t0 };
}

it("200 ok when the database answers; no-store", async () => {
  const { res, body } = await call();
  expect(res.status).toBe(200);
  expect(body.status).toBe("ok");
  expect(res.headers.get("cache-control")).toMatch(/no-store/);
});

it("503 naming the database when it fails or does not answer within a second", async () => {
  state.db = "fail";
  let r = await call();
  expect(r.res.status).toBe(503);
  expect(r.body).toMatchObject({ status: "fail", failing: ["database"] });
  expect(r.res.headers.get("cache-control")).toMatch(/no-store/);
  state.db = "hang";
  r = await call();
  expect(r.res.status).toBe(503);
  expect(r.body.failing).toEqual(["database"]);
  expect(r.ms).toBeGreaterThanOrEqual(950);
  expect(r.ms).toBeLessThan(3000);
});

it("checks Redis when configured, and names it when it does not answer", async () => {
  state.redis = "ok";
  let r = await call();
  expect(r.res.status).toBe(200);
  expect(r.body).toHaveProperty("redis");
  state.redis = "hang";
  r = await call();
  expect(r.res.status).toBe(503);
  expect(r.body.failing).toEqual(["redis"]);
});
