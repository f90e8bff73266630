// URL state of film lists (/genres/[slug]?sort=top&cursor=…&dir=prev, /api/films),
// shared by the pages, the API and the data layer (cursors: lib/keyset/cursor.ts).
import { z } from "zod";
import { decodeFilmCursor } from "../keyset/cursor";
import { firstValue } from "./params";

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

/** An opaque keyset cursor as it may appear in a URL (base64url). */
export const cursorParam = z.preprocess(
  (v) => (typeof v === "string" ? v.slice(0, 401) : v),
  z
    .string()
    .max(400, { abort: true })
    .regex(/^[A-Za-z0-9_-]+$/, "Not a cursor"),
);

// ---------- the genre page ----------

export const filmListStateSchema = z.object({
  sort: z.preprocess(firstValue, z.enum(FILM_SORTS).default(DEFAULT_FILM_SORT)),
  cursor: z.preprocess(firstValue, cursorParam.optional()),
  dir: z.preprocess(firstValue, z.enum(["next", "prev"]).default("next")),
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
