// Keyset cursors: the one codec every keyset list uses (film lists, genre pages, review
// lists, the public API, the admin lists). A cursor is opaque to clients:
// base64url(JSON [values, id]) where `values` are where the page ended in the list's
// own order and `id` breaks ties. Each list declares the parts its cursor carries, and
// decoding checks their count, types and ranges in one place: a cursor that does not
// fit its list is null (pages start from the first page, the API answers 400), so no
// malformed value ever reaches a query. No server-only imports: URL parsing uses it too.
import type { FilmSort } from "../validation/catalog";
import type { ReviewSort } from "../validation/review-list";

export type CursorValue = string | number;
/** A cursor as carried in a URL, before its list checks it. */
export type Cursor = { v: CursorValue[]; id: string };

/** The longest cursor a URL may carry. */
export const MAX_CURSOR_LENGTH = 400;
const CURSOR_TEXT = /^[A-Za-z0-9_-]+$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), "utf8").toString("base64url");
}

/** The raw cursor: up to three strings or finite numbers and an id; null when malformed. */
export function decodeCursor(s: string | undefined | null): Cursor | null {
  if (!s || s.length > MAX_CURSOR_LENGTH || !CURSOR_TEXT.test(s)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [v, id] = parsed as [unknown, unknown];
    if (typeof id !== "string" || id.length > 64 || !Array.isArray(v) || v.length > 3) return null;
    if (!v.every((x) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x)))) return null;
    return { v: v as CursorValue[], id };
  } catch {
    return null;
  }
}

// ---------- typed cursors: what each position holds ----------

/**
 * - count: an integer 0 … 2^31 (review counts, report counts)
 * - flag: 0 or 1
 * - stars: a whole star rating 1 … 5
 * - mean: an average rating, 1 … 5
 * - share: a fraction 0 … 1 (the helpful score)
 * - day: a real calendar date YYYY-MM-DD
 * - instant: a real ISO instant (…T…Z) within what timestamp(3) holds
 * - text: any string (a title)
 */
export type CursorPart = "count" | "flag" | "stars" | "mean" | "share" | "day" | "instant" | "text";
type PartValue<P extends CursorPart> = P extends "day" | "instant" | "text" ? string : number;
export type CursorValues<P extends readonly CursorPart[]> = { -readonly [K in keyof P]: P[K] extends CursorPart ? PartValue<P[K]> : never };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

function partFits(kind: CursorPart, v: unknown): boolean {
  switch (kind) {
    case "count":
      return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 2 ** 31;
    case "flag":
      return v === 0 || v === 1;
    case "stars":
      return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;
    case "mean":
      return typeof v === "number" && v >= 1 && v <= 5;
    case "share":
      return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1;
    case "day":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
    case "instant": {
      if (typeof v !== "string" || !ISO_INSTANT.test(v)) return false;
      const t = Date.parse(v);
      // A real instant (no 2021-02-31) within what PostgreSQL's timestamp(3) holds comfortably.
      return Number.isFinite(t) && t >= Date.UTC(1900, 0, 1) && t <= Date.UTC(9999, 0, 1) && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
    }
    case "text":
      return typeof v === "string";
  }
}

export type KeysetCursor<P extends readonly CursorPart[]> = { values: CursorValues<P>; id: string };

export type CursorCodec<P extends readonly CursorPart[]> = {
  readonly parts: P;
  encode(values: CursorValues<P>, id: string): string;
  /** The cursor when it fits these parts (count, types, ranges) and its id is well formed, else null. */
  decode(s: string | undefined | null): KeysetCursor<P> | null;
};

/** The codec of a list whose cursor carries `parts` before the id. */
export function cursorCodec<const P extends readonly CursorPart[]>(parts: P): CursorCodec<P> {
  return {
    parts,
    encode: (values, id) => encodeCursor({ v: values, id }),
    decode(s) {
      const c = decodeCursor(s);
      if (!c || !ID.test(c.id) || c.v.length !== parts.length) return null;
      if (!c.v.every((v, i) => partFits(parts[i]!, v))) return null;
      return { values: c.v as CursorValues<P>, id: c.id };
    },
  };
}

// ---------- film lists (genre pages, home rows, /api/films) ----------

const filmCodecs = {
  popular: cursorCodec(["count"]),
  newest: cursorCodec(["day"]),
  // the Bayesian score and the review count
  top: cursorCodec(["mean", "count"]),
} as const satisfies Record<FilmSort, CursorCodec<readonly CursorPart[]>>;

/** Where a page ended, in the sort's own terms. */
export type FilmCursor =
  | { sort: "popular"; reviewCount: number; id: string }
  | { sort: "newest"; releaseDate: string; id: string }
  | { sort: "top"; score: number; reviewCount: number; id: string };

export function encodeFilmCursor(c: FilmCursor): string {
  switch (c.sort) {
    case "popular":
      return filmCodecs.popular.encode([c.reviewCount], c.id);
    case "newest":
      return filmCodecs.newest.encode([c.releaseDate], c.id);
    case "top":
      return filmCodecs.top.encode([c.score, c.reviewCount], c.id);
  }
}

/** The cursor if it is well formed and belongs to this sort, else null. */
export function decodeFilmCursor(sort: FilmSort, s: string | undefined | null): FilmCursor | null {
  if (sort === "popular") {
    const c = filmCodecs.popular.decode(s);
    return c && { sort, reviewCount: c.values[0], id: c.id };
  }
  if (sort === "newest") {
    const c = filmCodecs.newest.decode(s);
    return c && { sort, releaseDate: c.values[0], id: c.id };
  }
  const c = filmCodecs.top.decode(s);
  return c && { sort, score: c.values[0], reviewCount: c.values[1], id: c.id };
}

// ---------- review lists (film page, reviews pages, /api/films/[slug]/reviews) ----------

/** The values a cursor of each sort carries before the review id (the order of lib/data/reviews.ts SORT_COLUMNS). */
export const reviewCodecs = {
  helpful: cursorCodec(["share", "instant"]),
  newest: cursorCodec(["instant"]),
  highest: cursorCodec(["stars", "instant"]),
  lowest: cursorCodec(["stars", "instant"]),
} as const satisfies Record<ReviewSort, CursorCodec<readonly CursorPart[]>>;

export type ReviewCursor = { values: CursorValue[]; id: string };

export function encodeReviewCursor(sort: ReviewSort, values: CursorValue[], id: string): string {
  return (reviewCodecs[sort] as CursorCodec<readonly CursorPart[]>).encode(values, id);
}

/** The cursor if it fits this sort by count, type and range, else null. */
export function decodeReviewCursor(sort: ReviewSort, s: string | undefined | null): ReviewCursor | null {
  return (reviewCodecs[sort] as CursorCodec<readonly CursorPart[]>).decode(s);
}

/** Whether a review-list cursor is well formed for this sort: right count, types and ranges. */
export function reviewCursorFits(sort: ReviewSort, cursor: string): boolean {
  return decodeReviewCursor(sort, cursor) !== null;
}

// ---------- admin lists ----------

/** The audit trail: (createdAt, id), newest first. */
export const auditCursor = cursorCodec(["instant"]);
/** The catalog editor's film list: (title, id). */
export const editorFilmCursor = cursorCodec(["text"]);
/** The moderation queue: (auto-hidden, report count, id) for "pending"; the id alone for "hidden". */
export const pendingQueueCursor = cursorCodec(["flag", "count"]);
export const hiddenQueueCursor = cursorCodec([]);
