// Runs once when the server starts (Next's instrumentation hook).
import { reportFailure } from "./lib/errors";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./lib/db/client");
  // scripts/server.mjs closes the database on SIGTERM and serves `npm run db:backup`
  // through this (same process, outside Next's bundle).
  (globalThis as { __marqueeGetDb?: typeof getDb }).__marqueeGetDb = getDb;
  // Open the database now (PGlite takes a second), not on the first request; a failure
  // here is not fatal: requests retry and /api/health reports it.
  await getDb().catch((e) => reportFailure("startup", e));
  await startEmbeddedMaintenance(getDb);
}

/**
 * On PGlite (no autovacuum: lib/data/maintenance.ts), vacuum and analyze what autovacuum
 * would have, a minute after start and every MAINTENANCE_INTERVAL_MS; one run at a time;
 * never keeps the process up.
 */
async function startEmbeddedMaintenance(getDb: typeof import("./lib/db/client").getDb): Promise<void> {
  const { maintainEmbeddedStore, MAINTENANCE_INTERVAL_MS } = await import("./lib/data/maintenance");
  const { log } = await import("./lib/log");
  let running = false;
  let first = true;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const handle = await getDb();
      if (handle.target.kind !== "pglite") return clearInterval(timer);
      const steps = await maintainEmbeddedStore(handle.prisma, handle.target, { everyTable: first });
      first = false;
      if (steps.length) {
        const list = (action: string) =>
          steps
            .filter((s) => s.action === action)
            .map((s) => `${s.table} ${Math.round(s.ms)} ms`)
            .join(", ") || "none";
        const total = Math.round(steps.reduce((a, s) => a + s.ms, 0));
        log("info", `db maintenance (${total} ms): vacuumed ${list("vacuum")}; analyzed ${list("analyze")}`);
      }
    } catch (e) {
      reportFailure("db maintenance", e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), MAINTENANCE_INTERVAL_MS);
  timer.unref();
  // and once a minute after start, every table (PGlite counts dead rows from its start only)
  setTimeout(() => void run(), 60_000).unref();
}

/** One log line per failed render or route handler: route, reference code, digest, the error. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routePath: string; routeType: string },
): Promise<void> {
  // Synchronous up to the log line: it marks the request as "database unavailable"
  // before Next writes the error response, so scripts/server.mjs can answer 503.
  const digest = (error as { digest?: string } | null)?.digest;
  reportFailure(`${context.routeType}:${context.routePath} ${request.method} ${request.path}`, error, { digest });
}
