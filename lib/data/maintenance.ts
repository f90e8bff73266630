// Housekeeping PostgreSQL's autovacuum does on a server, done by the app on PGlite.
//
// PGlite runs PostgreSQL in one process without its background workers, so nothing ever
// vacuums or analyzes an embedded store (checked: 100,000 dead rows after five updates of
// a 20,000-row table, still there 70 s later, last_autovacuum null). Dead row versions
// then pile up in the tables and indexes every vote, review and session touches, index-only
// scans go back to the heap, and the planner keeps the statistics of the day the store was
// made. maintainEmbeddedStore applies autovacuum's own default rule to each table: VACUUM
// (ANALYZE) once dead rows pass 50 + 20 % of its live rows, ANALYZE once changed rows pass
// 50 + 10 %. PGlite starts its activity counts from zero at every start (what died before
// a restart is not counted), so the first run after a start (`everyTable`) vacuums every
// table: VACUUM reads only pages changed since the last one (the visibility map), 0.3 s in
// all for the size store (2 million reviews) after a benchmark. One table per statement,
// so requests run between them.
import type { PrismaClient } from "../generated/prisma/client";
import type { DbTarget } from "../db/config";

export const VACUUM_THRESHOLD = { base: 50, scale: 0.2 } as const;
export const ANALYZE_THRESHOLD = { base: 50, scale: 0.1 } as const;
/** How often the server checks (instrumentation.ts). */
export const MAINTENANCE_INTERVAL_MS = 10 * 60_000;

export type MaintenanceStep = { table: string; action: "vacuum" | "analyze"; deadRows: number; changedRows: number; ms: number };

type Stat = { table: string; live: number; dead: number; changed: number };

/**
 * Vacuums and analyzes the tables of an embedded store that autovacuum would have by
 * now; does nothing on a PostgreSQL server (its autovacuum does it). Returns what it did.
 */
export async function maintainEmbeddedStore(prisma: PrismaClient, target: DbTarget, opts: { everyTable?: boolean } = {}): Promise<MaintenanceStep[]> {
  if (target.kind !== "pglite") return [];
  const stats = await prisma.$queryRawUnsafe<Stat[]>(
    `SELECT relname AS "table", n_live_tup::float8 AS live, n_dead_tup::float8 AS dead, n_mod_since_analyze::float8 AS changed
     FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY relname`,
  );
  const steps: MaintenanceStep[] = [];
  for (const s of stats) {
    const live = Number(s.live);
    const dead = Number(s.dead);
    const changed = Number(s.changed);
    const vacuum = opts.everyTable || dead > VACUUM_THRESHOLD.base + VACUUM_THRESHOLD.scale * live;
    const analyze = changed > ANALYZE_THRESHOLD.base + ANALYZE_THRESHOLD.scale * live;
    if (!vacuum && !analyze) continue;
    // The name comes from the catalog; quoted as an identifier all the same.
    const ident = `"${s.table.replace(/"/g, '""')}"`;
    const t0 = performance.now();
    await prisma.$executeRawUnsafe(vacuum && analyze ? `VACUUM (ANALYZE) ${ident}` : vacuum ? `VACUUM ${ident}` : `ANALYZE ${ident}`);
    steps.push({ table: s.table, action: vacuum ? "vacuum" : "analyze", deadRows: dead, changedRows: changed, ms: performance.now() - t0 });
  }
  return steps;
}
