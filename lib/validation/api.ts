// The public read API's contract (/api/films, /api/films/[slug], /api/films/[slug]/reviews):
// the query parameters it accepts and the JSON it returns. Handlers parse requests and
// serialise responses through these schemas only (lib/api/films.ts), so what leaves the
// server is exactly what is written here; README.md "Public API" documents it.
import { z } from "zod";
import { decodeFilmCursor } from "../keyset/cursor";
import { cursorParam, DEFAULT_FILM_SORT, FILM_SORTS } from "./catalog";
import { cursorOfThisSort, REVIEW_PAGE_SIZE, reviewListObject } from "./review-list";
import { hasUnsafeCodeUnits } from "./text";
import { firstValue } from "./params";

export const API_MAX_LIMIT = 50;
export const FILM_API_PAGE_SIZE = 20;
export const API_Q_MAX = 100;

const blankToUndefined = (v: unknown) => {
  const x = firstValue(v);
  return typeof x === "string" && x.trim() === "" ? undefined : x;
};

const limitParam = (fallback: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(fallback));

// ---------- requests ----------

/** GET /api/films */
export const filmListQuerySchema = z
  .object({
    q: z.preprocess(
      (v) => {
        const x = firstValue(v);
        return typeof x === "string" ? x.slice(0, API_Q_MAX * 4).trim() || undefined : x;
      },
      z
        .string()
        .max(API_Q_MAX, { error: `At most ${API_Q_MAX} characters`, abort: true })
        .refine((s) => !hasUnsafeCodeUnits(s), "Contains characters that are not allowed (NUL or an unpaired surrogate)")
        .optional(),
    ),
    genre: z.preprocess(
      (v) => {
        const x = blankToUndefined(v);
        return typeof x === "string" ? x.slice(0, 81) : x;
      },
      z
        .string()
        .max(80)
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a genre slug")
        .optional(),
    ),
    sort: z.preprocess(firstValue, z.enum(FILM_SORTS).default(DEFAULT_FILM_SORT)),
    cursor: z.preprocess(firstValue, cursorParam.optional()),
    dir: z.preprocess(firstValue, z.enum(["next", "prev"]).default("next")),
    limit: limitParam(FILM_API_PAGE_SIZE),
  })
  .superRefine((v, ctx) => {
    if (v.cursor && !decodeFilmCursor(v.sort, v.cursor)) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "Not a cursor of this list (a cursor belongs to one sort)" });
    }
  });

/** GET /api/films/[slug]/reviews: the review page's own strict schema, plus a page size. */
export const reviewsQuerySchema = reviewListObject.extend({ limit: limitParam(REVIEW_PAGE_SIZE) }).superRefine(cursorOfThisSort);

// ---------- responses ----------

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.iso.datetime();

export const ratingBriefSchema = z.object({
  /** Mean of the visible ratings to one decimal, null without ratings. */
  average: z.number().min(1).max(5).nullable(),
  count: z.number().int().min(0),
});

export const filmSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  year: z.number().int(),
  releaseDate: isoDate,
  runtimeMinutes: z.number().int(),
  rating: ratingBriefSchema,
  url: z.url(),
});
export type ApiFilmSummary = z.infer<typeof filmSummarySchema>;

export const ratingSummarySchema = ratingBriefSchema.extend({
  /** One entry per star value, 5 → 1; percents are whole numbers adding up to 100 (all 0 without ratings). */
  histogram: z
    .array(
      z.object({
        stars: z.number().int().min(1).max(5),
        count: z.number().int().min(0),
        percent: z.number().int().min(0).max(100),
      }),
    )
    .length(5),
});

export const filmDetailSchema = filmSummarySchema.omit({ rating: true }).extend({
  tagline: z.string(),
  synopsis: z.string(),
  contentRating: z.string(),
  genres: z.array(z.object({ slug: z.string(), name: z.string() })),
  directors: z.array(z.string()),
  cast: z.array(z.object({ name: z.string(), character: z.string().nullable() })),
  rating: ratingSummarySchema,
  links: z.object({ reviews: z.url(), poster: z.url(), image: z.url() }),
  updatedAt: isoDateTime,
});
export type ApiFilmDetail = z.infer<typeof filmDetailSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  rating: z.number().int().min(1).max(5),
  /** null for a rating without text. */
  body: z.string().nullable(),
  /** The author marked the text as revealing the plot: show it behind a click. */
  spoiler: z.boolean(),
  /** null when the author chose to stay anonymous. */
  authorName: z.string().nullable(),
  createdAt: isoDateTime,
  editedAt: isoDateTime.nullable(),
  helpful: z.object({ yes: z.number().int().min(0), no: z.number().int().min(0) }),
  /** The film publisher's answer ("Response from …"), or null. */
  reply: z.object({ publisherName: z.string(), body: z.string(), createdAt: isoDateTime, editedAt: isoDateTime.nullable() }).nullable(),
});
export type ApiReview = z.infer<typeof reviewSchema>;

/** Every list: one page of items and opaque cursors to the neighbouring pages. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    /** Pass as ?cursor= (dir=next) for the following page; null on the last page. */
    nextCursor: z.string().nullable(),
    /** Pass as ?cursor=…&dir=prev for the page before; null on the first page. */
    prevCursor: z.string().nullable(),
  });

export const filmListResponseSchema = pageOf(filmSummarySchema);
export const filmDetailResponseSchema = z.object({ data: filmDetailSchema });
export const reviewListResponseSchema = pageOf(reviewSchema);

export const apiErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    /** Problems per query parameter, e.g. { "rating": ["Too big: expected number to be <=5"] }; {} when none. */
    fields: z.record(z.string(), z.array(z.string())),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
