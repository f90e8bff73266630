// URL state of the review list (/films/[slug]/reviews?sort=newest&rating=2&cursor=…&dir=prev),
// shared by the page and the public API.
import { z } from "zod";
import { reviewCursorFits } from "../keyset/cursor";
import { firstValue } from "./params";

export const REVIEW_SORTS = ["helpful", "newest", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const SORT_LABELS: Record<ReviewSort, string> = {
  helpful: "Most helpful",
  newest: "Newest",
  highest: "Highest rating",
  lowest: "Lowest rating",
};
export const REVIEW_PAGE_SIZE = 10;

// Keyset cursors are checked by type and range before any query: lib/keyset/cursor.ts.

export const reviewListObject = z.object({
  sort: z.preprocess((v) => {
    const x = firstValue(v);
    return typeof x === "string" ? x.slice(0, 20) : x;
  }, z.enum(REVIEW_SORTS).default("helpful")),
  rating: z.preprocess((v) => {
    const x = firstValue(v);
    return x === undefined || x === "" || x === "all" ? undefined : x;
  }, z.coerce.number().int().min(1).max(5).optional()),
  cursor: z.preprocess(
    (v) => {
      const x = firstValue(v);
      return typeof x === "string" ? x.slice(0, 401) : x;
    },
    z
      .string()
      .max(400, { abort: true })
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  ),
  dir: z.preprocess(firstValue, z.enum(["next", "prev"]).default("next")),
});

export const cursorOfThisSort = (v: { sort: ReviewSort; cursor?: string }, ctx: z.RefinementCtx) => {
  if (v.cursor && !reviewCursorFits(v.sort, v.cursor)) {
    ctx.addIssue({ code: "custom", path: ["cursor"], message: "Not a cursor of this list (a cursor belongs to one sort)" });
  }
};

/** Strict: a cursor must fit its sort by type and range (the API answers 400 otherwise). */
export const reviewListQuerySchema = reviewListObject.superRefine(cursorOfThisSort);
export type ReviewListQuery = z.infer<typeof reviewListObject>;

/**
 * Lenient parse for pages: a bad value falls back to its default instead of an error
 * (an old or hand-edited link still shows reviews). The API uses the strict schema.
 */
export function parseReviewListQuery(params: Record<string, string | string[] | undefined>): ReviewListQuery {
  const strict = reviewListQuerySchema.safeParse(params);
  if (strict.success) return strict.data;
  const out: ReviewListQuery = { sort: "helpful", dir: "next" };
  for (const key of ["sort", "rating", "cursor", "dir"] as const) {
    const one = reviewListObject.shape[key].safeParse(params[key]);
    if (one.success && one.data !== undefined) (out as Record<string, unknown>)[key] = one.data;
  }
  if (out.cursor && !reviewCursorFits(out.sort, out.cursor)) {
    delete out.cursor;
    out.dir = "next";
  }
  return out;
}

/** Builds the query string for a review-list state, leaving defaults out. */
export function reviewListHref(base: string, q: Partial<ReviewListQuery>): string {
  const sp = new URLSearchParams();
  if (q.sort && q.sort !== "helpful") sp.set("sort", q.sort);
  if (q.rating) sp.set("rating", String(q.rating));
  if (q.cursor) sp.set("cursor", q.cursor);
  if (q.cursor && q.dir === "prev") sp.set("dir", "prev");
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * The first page of each sort and star filter is a cached route whose one segment names
 * the view ("newest-all", "helpful-5"): 4 sorts × 6 filters per film, a bounded set.
 */
export function parseReviewView(view: string): ReviewListQuery | null {
  const m = /^(helpful|newest|highest|lowest)-(all|[1-5])$/.exec(view);
  if (!m) return null;
  return { sort: m[1] as ReviewSort, rating: m[2] === "all" ? undefined : Number(m[2]), dir: "next" };
}
