// URL state of the review list (/films/[slug]/reviews?sort=newest&rating=2&cursor=…&dir=prev),
// shared by the page and the public API.
import { z } from "zod";

export const REVIEW_SORTS = ["helpful", "newest", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const SORT_LABELS: Record<ReviewSort, string> = {
  helpful: "Most helpful",
  newest: "Newest",
  highest: "Highest rating",
  lowest: "Lowest rating",
};
export const REVIEW_PAGE_SIZE = 10;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const reviewListQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(REVIEW_SORTS).default("helpful")),
  rating: z.preprocess(
    (v) => {
      const x = first(v);
      return x === undefined || x === "" || x === "all" ? undefined : x;
    },
    z.coerce.number().int().min(1).max(5).optional(),
  ),
  cursor: z.preprocess(first, z.string().max(400).regex(/^[A-Za-z0-9_-]+$/).optional()),
  dir: z.preprocess(first, z.enum(["next", "prev"]).default("next")),
});
export type ReviewListQuery = z.infer<typeof reviewListQuerySchema>;

/**
 * Lenient parse for pages: a bad value falls back to its default instead of an error
 * (an old or hand-edited link still shows reviews). The API uses the strict schema.
 */
export function parseReviewListQuery(params: Record<string, string | string[] | undefined>): ReviewListQuery {
  const strict = reviewListQuerySchema.safeParse(params);
  if (strict.success) return strict.data;
  const out: ReviewListQuery = { sort: "helpful", dir: "next" };
  for (const key of ["sort", "rating", "cursor", "dir"] as const) {
    const one = reviewListQuerySchema.shape[key].safeParse(params[key]);
    if (one.success && one.data !== undefined) (out as Record<string, unknown>)[key] = one.data;
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
