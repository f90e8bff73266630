// Which database to use, decided once from the environment.
//  - DATABASE_URL unset            → embedded PGlite in PGLITE_DATA_DIR (default .data/pglite)
//  - DATABASE_URL=memory://        → embedded PGlite in memory (tests)
//  - DATABASE_URL=postgres(ql)://… → a PostgreSQL server; `?schema=name` selects a schema
import path from "node:path";
import { settings } from "../env";

export type DbTarget =
  | { kind: "pglite"; dataDir: string | null } // null = in memory
  | { kind: "postgres"; connectionString: string; schema: string };

/** `env`: the variables (lib/env.ts settings() by default; scripts and tests may pass their own). */
export function resolveDbTarget(env: { DATABASE_URL?: string; PGLITE_DATA_DIR?: string; [name: string]: unknown } = settings()): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") || "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
      throw new Error(`DATABASE_URL: schema "${schema}" must be a plain SQL identifier`);
    }
    parsed.searchParams.delete("schema");
    return { kind: "postgres", connectionString: parsed.toString(), schema };
  }
  if (url === "memory://" || url === "pglite:memory") return { kind: "pglite", dataDir: null };
  if (url && url.startsWith("pglite:")) return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("pglite:".length)) };
  if (url) {
    throw new Error(
      `DATABASE_URL must start with postgresql:// (a PostgreSQL server), be memory:// (in-memory PGlite) or pglite:<dir>; got "${url.slice(0, 20)}…"`,
    );
  }
  return { kind: "pglite", dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DATA_DIR || ".data/pglite") };
}

export function describeDbTarget(t: DbTarget): string {
  if (t.kind === "postgres") {
    const u = new URL(t.connectionString);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname} (schema ${t.schema})`;
  }
  return t.dataDir ? `embedded PGlite in ${path.relative(process.cwd(), t.dataDir) || "."}` : "embedded PGlite in memory";
}
