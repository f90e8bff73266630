// Counts the SQL statements Prisma sends through the driver adapter, on either engine, and
// on PGlite the prepared statements run directly (lib/db/prepared.ts: each EXECUTE counts
// one; the PREPARE on a statement's first use per connection does not).
import type { OpenedAdapter } from "@/lib/db/adapter";

export type QueryCounter = { count: number; reset: () => void };

export function countQueries(opened: OpenedAdapter): QueryCounter {
  const counter: QueryCounter = { count: 0, reset: () => (counter.count = 0) };
  const factory = opened.factory as unknown as { connect: () => Promise<Record<string, unknown>> };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const wrap = (target: Record<string, unknown>) => {
      for (const m of ["queryRaw", "executeRaw"]) {
        const orig = target[m] as (...a: unknown[]) => Promise<unknown>;
        target[m] = (...a: unknown[]) => {
          counter.count += 1;
          return orig.apply(target, a);
        };
      }
      return target;
    };
    const start = adapter.startTransaction as (...a: unknown[]) => Promise<Record<string, unknown>>;
    adapter.startTransaction = async (...a: unknown[]) => wrap(await start.apply(adapter, a));
    return wrap(adapter);
  };
  const pg = opened.pglite as unknown as { exec: (sql: string, ...a: unknown[]) => Promise<unknown> } | null;
  if (pg) {
    const exec = pg.exec.bind(pg);
    pg.exec = (sql: string, ...a: unknown[]) => {
      if (/^SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE /.test(sql)) counter.count += 1;
      return exec(sql, ...a);
    };
  }
  return counter;
}
