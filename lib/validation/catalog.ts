// URL state of film lists (/genres/[slug]?sort=top&cursor=…&dir=prev, /api/films) and
// their keyset cursors, shared by the pages, the API and the data layer.
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../cursor";

export const FILM_SORTS = ["popular", "top", "newest"] as const;
export type FilmSort = (typeof FILM_SORTS)[number];
export const FILM_SORT_LABELS: Record<FilmSort, string> = {
  popular: "Popular",
  top: "Top rated",
  newest: "Newest",
};
export const DEFAULT_FILM_SORT: FilmSort = "popular";
/** Films per genre page: four full rows of five on desktops. */
export const GENRE_PAGE_SIZE = 20;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** An opaque keyset cursor as it may appear in a URL (base64url). */
export const cursorParam = z.preprocess(
  (v) => (typeof v === "string" ? v.slice(0, 401) : v),
  z.string().max(400, { abort: true }).regex(/^[A-Za-z0-9_-]+$/, "Not a cursor"),
);

// ---------- keyset cursors of film lists ----------

/**
 * Where a page ended, in the sort's own terms. A "top" cursor also carries the catalog
 * mean its list was ranked with, so later pages rank with the same prior even if
 * ratings arrived meanwhile (no film skipped or shown twice at a page boundary).
 */
export type FilmCursor =
  | { sort: "popular"; reviewCount: number; id: string }
  | { sort: "newest"; releaseDate: string; id: string }
  | { sort: "top"; score: number; reviewCount: number; mean: number; id: string };

export function encodeFilmCursor(c: FilmCursor): string {
  switch (c.sort) {
    case "popular":
      return encodeCursor({ v: [c.reviewCount], id: c.id });
    case "newest":
      return encodeCursor({ v: [c.releaseDate], id: c.id });
    case "top":
      return encodeCursor({ v: [c.score, c.reviewCount, c.mean], id: c.id });
  }
}

const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 2 ** 31;
const isRating = (x: unknown): x is number => typeof x === "number" && x >= 1 && x <= 5;
const isIsoDate = (x: unknown): x is string =>
  typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) && new Date(`${x}T00:00:00Z`).toISOString().slice(0, 10) === x;

/** The cursor if it is well formed and belongs to this sort, else null. */
export function decodeFilmCursor(sort: FilmSort, s: string | undefined | null): FilmCursor | null {
  const c = decodeCursor(s);
  if (!c || c.id.length === 0) return null;
  const v = c.v;
  if (sort === "popular") return v.length === 1 && isCount(v[0]) ? { sort, reviewCount: v[0], id: c.id } : null;
  if (sort === "newest") return v.length === 1 && isIsoDate(v[0]) ? { sort, releaseDate: v[0], id: c.id } : null;
  return v.length === 3 && isRating(v[0]) && isCount(v[1]) && isRating(v[2]) ? { sort, score: v[0], reviewCount: v[1], mean: v[2], id: c.id } : null;
}

// ---------- the genre page ----------

export const filmListStateSchema = z.object({
  sort: z.preprocess(first, z.enum(FILM_SORTS).default(DEFAULT_FILM_SORT)),
  cursor: z.preprocess(first, cursorParam.optional()),
  dir: z.preprocess(first, z.enum(["next", "prev"]).default("next")),
});
export type FilmListState = z.infer<typeof filmListStateSchema>;

/**
 * Lenient parse for pages: an unknown sort falls back to Popular and a cursor that is
 * malformed or from another sort is dropped (an old or hand-edited link still shows
 * films). The API is strict instead (lib/validation/api.ts).
 */
export function parseFilmListState(params: Record<string, string | string[] | undefined>): FilmListState {
  const out: FilmListState = { sort: DEFAULT_FILM_SORT, dir: "next" };
  for (const key of ["sort", "cursor", "dir"] as const) {
    const one = filmListStateSchema.shape[key].safeParse(params[key]);
    if (one.success && one.data !== undefined) (out as Record<string, unknown>)[key] = one.data;
  }
  if (out.cursor && !decodeFilmCursor(out.sort, out.cursor)) {
    delete out.cursor;
    out.dir = "next";
  }
  return out;
}

/** The query string for a film-list state, leaving defaults out. */
export function filmListHref(base: string, s: Partial<FilmListState>): string {
  const sp = new URLSearchParams();
  if (s.sort && s.sort !== DEFAULT_FILM_SORT) sp.set("sort", s.sort);
  if (s.cursor) sp.set("cursor", s.cursor);
  if (s.cursor && s.dir === "prev") sp.set("dir", "prev");
  const q = sp.toString();
  return q ? `${base}?${q}` : base;
}
