import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { CursorValue } from "../keyset/cursor";

// Keyset paging (no OFFSET: the cost of page 1000 is the cost of page 1), shared by every
// list that pages both ways (film lists, review lists). A list declares its order as
// columns, always ending in the id so the order is total; a page is fetched one row
// longer than asked (to know whether more follow), walking backwards (`flip`) for "prev".
// Cursors themselves (encode, decode, validation) are lib/keyset/cursor.ts.

/**
 * One column of a keyset order. `cast` is the SQL type a cursor value is bound as: an
 * integer column is compared with an int (a float8 bound made PostgreSQL cast the column
 * and scan every row instead of an index range).
 */
export type KeysetColumn = { sql: string; desc: boolean; cast: "int" | "float8" | "date" | "timestamp(3)" | "text" };

/** A cursor value bound with its column's type. */
export function keysetParam(col: KeysetColumn, v: CursorValue): Prisma.Sql {
  switch (col.cast) {
    case "timestamp(3)":
      return Prisma.sql`${new Date(String(v))}::timestamp(3)`;
    case "int": {
      const n = Number(v);
      return Prisma.sql`${Number.isFinite(n) ? Math.max(-1e9, Math.min(1e9, Math.trunc(n))) : 0}::int`;
    }
    case "float8":
      return Prisma.sql`${Number(v)}::float8`;
    case "date":
      return Prisma.sql`${String(v)}::date`;
    case "text":
      return Prisma.sql`${String(v)}::text`;
  }
}

/** ORDER BY the columns, in the walk direction. */
export function keysetOrderBy(cols: KeysetColumn[], flip: boolean): Prisma.Sql {
  return Prisma.raw(`ORDER BY ${cols.map((c) => `${c.sql} ${c.desc !== flip ? "DESC" : "ASC"}`).join(", ")}`);
}

/**
 * "After the cursor" in the walk direction. Columns all in one direction: one row-value
 * comparison (an index range). Mixed directions: (a after A) OR (a = A AND b after B) OR …,
 * plus a plain bound on the first column so an index on it can start the scan at the cursor.
 */
export function keysetAfter(cols: KeysetColumn[], values: CursorValue[], flip: boolean): Prisma.Sql {
  const val = (i: number) => keysetParam(cols[i]!, values[i]!);
  if (cols.every((c) => c.desc === cols[0]!.desc)) {
    const desc = cols[0]!.desc !== flip;
    return Prisma.sql`(${Prisma.raw(cols.map((c) => c.sql).join(", "))}) ${Prisma.raw(desc ? "<" : ">")} (${Prisma.join(cols.map((_, i) => val(i)))})`;
  }
  const op = (c: KeysetColumn, strict: boolean) => Prisma.raw(c.desc !== flip ? (strict ? "<" : "<=") : strict ? ">" : ">=");
  const branches = cols.map((c, i) => {
    const equal = cols.slice(0, i).map((e, j) => Prisma.sql`${Prisma.raw(e.sql)} = ${val(j)}`);
    return Prisma.sql`(${Prisma.join([...equal, Prisma.sql`${Prisma.raw(c.sql)} ${op(c, true)} ${val(i)}`], " AND ")})`;
  });
  return Prisma.sql`${Prisma.raw(cols[0]!.sql)} ${op(cols[0]!, false)} ${val(0)} AND (${Prisma.join(branches, " OR ")})`;
}

/** Where a list's page starts: after (or, with dir "prev", before) the cursor. */
export type KeysetInput = { cursor?: string; dir?: "next" | "prev"; limit: number };

export type KeysetPage<T> = {
  items: T[];
  /** Cursor for the page after this one, or null on the last page. */
  next: string | null;
  /** Cursor for the page before this one, or null on the first page. */
  prev: string | null;
};

/**
 * The page from rows fetched `limit + 1` long in the walk direction: back in list order,
 * with the cursors of its neighbours. `fromCursor`: the page did not start at the top.
 */
export function keysetPage<R, T>(
  rows: R[],
  opts: { limit: number; flip: boolean; fromCursor: boolean; cursorOf: (row: R) => string; map: (row: R) => T },
): KeysetPage<T> {
  const { limit, flip, fromCursor, cursorOf } = opts;
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  if (flip) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const next = flip ? (last ? cursorOf(last) : null) : hasMore && last ? cursorOf(last) : null;
  const prev = flip ? (hasMore && first ? cursorOf(first) : null) : fromCursor && first ? cursorOf(first) : null;
  return { items: page.map(opts.map), next, prev };
}
