import { checkHealth } from "@/lib/data/health";

// Never prerendered, never cached: each call asks the database (and Redis) again.
export const dynamic = "force-dynamic";

/** GET /api/health → 200 {"status":"ok",…} or 503 {"status":"fail","failing":[…],…}. */
export async function GET(): Promise<Response> {
  const h = await checkHealth();
  const failing = [...(h.database.ok ? [] : ["database"]), ...(h.redis && !h.redis.ok ? ["redis"] : [])];
  const body = {
    status: h.ok ? "ok" : "fail",
    ...(failing.length ? { failing } : {}),
    database: h.database,
    ...(h.redis ? { redis: h.redis } : {}),
    time: new Date().toISOString(),
  };
  return Response.json(body, {
    status: h.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store, max-age=0", ...(h.ok ? {} : { "Retry-After": "10" }) },
  });
}
