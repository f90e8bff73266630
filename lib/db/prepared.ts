import "server-only";
// Hot statements on the embedded database, prepared once per connection and run with a
// generic plan. PGlite plans every statement the ORM sends anew, and for the statements
// run on every member page view and every vote, planning was most of the cost (measured:
// the member view 1.2–2.0 ms → 0.5 ms, a helpful vote 4.1 → 1.0 ms).
import type { PGlite } from "@electric-sql/pglite";

export type PreparedValue = string | number | boolean | null | string[];

const preparedOn = new WeakMap<PGlite, Set<string>>();

/** A literal for SQL: E'' strings escape both quotes and backslashes whatever standard_conforming_strings says. */
function literal(v: PreparedValue): string {
  if (v === null) return "NULL";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("A prepared statement's number must be finite.");
    return String(v);
  }
  if (Array.isArray(v)) return v.length ? `ARRAY[${v.map(literal).join(",")}]::text[]` : "'{}'::text[]";
  return `E'${v.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

function sqlType(v: PreparedValue): string {
  if (Array.isArray(v)) return "text[]";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float8";
  return "text";
}

/**
 * Runs `text` (a statement with $1…$n) as the prepared statement `name` on this PGlite
 * connection: prepared on first use (parameter types from `types`, else from the values),
 * then `EXECUTE` with the values as literals. `SET LOCAL` lasts only for this one implicit
 * transaction, so no other statement is planned generically. One name, one text.
 */
export async function runPrepared<T>(pg: PGlite, name: string, text: string, values: PreparedValue[], types?: string[]): Promise<T[]> {
  let names = preparedOn.get(pg);
  if (!names) preparedOn.set(pg, (names = new Set()));
  if (!names.has(name)) {
    await pg.exec(`PREPARE ${name}(${(types ?? values.map(sqlType)).join(", ")}) AS ${text}`).catch((e: { code?: string }) => {
      if (e?.code !== "42P05") throw e; // already prepared on this connection (another bundle's copy of this module)
    });
    names.add(name);
  }
  const results = await pg.exec(`SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE ${name}(${values.map(literal).join(", ")})`);
  return results[1]!.rows as T[];
}
