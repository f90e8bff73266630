// HTTP Range requests for one representation of `size` bytes (RFC 9110, section 14).
// Pure: no I/O, so the media route and its tests share exactly this logic.
//
// What we do with each kind of header:
//   no header, another unit, bad syntax, an invalid range (last < first)  -> ignore it: 200 full
//   more than one satisfiable range                                      -> ignore it: 200 full
//     (a server MAY ignore Range; we never build multipart/byteranges)
//   a valid range set with no satisfiable range                          -> 416, Content-Range: bytes */size
//   exactly one satisfiable range (after dropping unsatisfiable ones)    -> 206 for that range
//
// Why not a package: `send` (and range-parser 1.x under it) answers an invalid range such as
// bytes=50-10 with 416 instead of ignoring it, needs a Node ServerResponse rather than a web
// Response, and sends weak ETags; range-parser 2.x matches this parser on every case here but
// requires Node 22 (we support 20.19). Measured for issue 12.

export type ByteRange = { start: number; end: number }; // inclusive, 0 <= start <= end < size

export type RangeDecision =
  | { kind: "full"; reason: "absent" | "unit" | "syntax" | "multiple" }
  | { kind: "partial"; range: ByteRange }
  | { kind: "unsatisfiable" };

/** Longest Range header we look at; longer ones are ignored (nobody needs them for one file). */
const MAX_HEADER = 1024;
const DIGITS = /^[0-9]+$/;

/** A decimal count; beyond 2^53 it is just "bigger than any file we have". */
function count(s: string): number {
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : Number.POSITIVE_INFINITY;
}

type Spec = { first: number; last: number | null } | { suffix: number };

function parseSpec(raw: string): Spec | null {
  const dash = raw.indexOf("-");
  if (dash < 0) return null;
  const a = raw.slice(0, dash);
  const b = raw.slice(dash + 1);
  if (a === "") return DIGITS.test(b) ? { suffix: count(b) } : null; // "-500"
  if (!DIGITS.test(a)) return null;
  if (b === "") return { first: count(a), last: null }; // "500-"
  if (!DIGITS.test(b)) return null;
  const first = count(a);
  const last = count(b);
  // "An int-range is invalid if the last-pos value is present and less than the first-pos."
  return last < first ? null : { first, last };
}

function resolve(spec: Spec, size: number): ByteRange | null {
  if ("suffix" in spec) {
    // A suffix range on an empty representation, or of length 0, is unsatisfiable.
    if (spec.suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - spec.suffix), end: size - 1 };
  }
  if (spec.first >= size) return null;
  return { start: spec.first, end: spec.last === null ? size - 1 : Math.min(spec.last, size - 1) };
}

/** Decides what to send for `Range: <header>` on a representation of `size` bytes. */
export function decideRange(header: string | null | undefined, size: number): RangeDecision {
  if (header == null || header.trim() === "") return { kind: "full", reason: "absent" };
  if (header.length > MAX_HEADER) return { kind: "full", reason: "syntax" };
  const eq = header.indexOf("=");
  if (eq < 0) return { kind: "full", reason: "syntax" };
  const unit = header.slice(0, eq).trim();
  if (unit.toLowerCase() !== "bytes") return { kind: "full", reason: unit && !/\s/.test(unit) ? "unit" : "syntax" };
  // range-set = 1#range-spec: comma-separated with optional whitespace; empty list elements are allowed and ignored.
  const items = header
    .slice(eq + 1)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) return { kind: "full", reason: "syntax" };
  const specs: Spec[] = [];
  for (const item of items) {
    const spec = parseSpec(item);
    if (!spec) return { kind: "full", reason: "syntax" };
    specs.push(spec);
  }
  const satisfiable = specs.map((s) => resolve(s, size)).filter((r): r is ByteRange => r !== null);
  if (satisfiable.length === 0) return { kind: "unsatisfiable" };
  if (satisfiable.length > 1) return { kind: "full", reason: "multiple" };
  return { kind: "partial", range: satisfiable[0]! };
}

/** "bytes 0-99/1234" for a 206. */
export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** "bytes *\/1234" for a 416. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}

/** Strong comparison of entity tags (If-Range needs it): weak tags never match. */
export function strongEtagMatch(a: string, b: string): boolean {
  return !a.startsWith("W/") && !b.startsWith("W/") && a === b;
}

/**
 * If-Range: apply the Range only when the validator still names the current representation
 * (its strong ETag, or exactly its Last-Modified date); otherwise send the whole thing.
 */
export function ifRangeAllows(ifRange: string | null | undefined, etag: string, lastModified: string): boolean {
  if (ifRange == null) return true;
  const v = ifRange.trim();
  if (v.startsWith('"') || v.startsWith("W/")) return strongEtagMatch(v, etag);
  return v === lastModified;
}

/** If-None-Match: true when one of the listed tags matches (weak comparison), or "*". */
export function noneMatch(header: string | null | undefined, etag: string): boolean {
  if (header == null) return false;
  const weak = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || weak(t) === weak(etag));
}
