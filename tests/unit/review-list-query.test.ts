import { describe, expect, it } from "vitest";
import { parseReviewListQuery, reviewListHref, reviewListQuerySchema } from "@/lib/validation/review-list";
import { encodeCursor } from "@/lib/keyset/cursor";

// Cursors are checked by type and range for their sort (lib/validation/review-list.ts).
const NEWEST = encodeCursor({ v: ["2024-05-01T10:00:00.000Z"], id: "review_1" });
const LOWEST = encodeCursor({ v: [1, "2024-05-01T10:00:00.000Z"], id: "review_2" });

describe("review list URL state", () => {
  it("defaults to most helpful, all ratings, first page", () => {
    expect(parseReviewListQuery({})).toEqual({ sort: "helpful", dir: "next" });
  });
  it("reads sort, rating, cursor and direction", () => {
    expect(parseReviewListQuery({ sort: "newest", rating: "2", cursor: NEWEST, dir: "prev" })).toEqual({
      sort: "newest",
      rating: 2,
      cursor: NEWEST,
      dir: "prev",
    });
  });
  it("falls back field by field on bad values in pages", () => {
    expect(parseReviewListQuery({ sort: "loudest", rating: "9" })).toEqual({ sort: "helpful", dir: "next" });
    expect(parseReviewListQuery({ sort: "lowest", rating: "2.5" })).toEqual({ sort: "lowest", dir: "next" });
    expect(parseReviewListQuery({ sort: ["highest", "newest"], rating: "all" })).toEqual({ sort: "highest", dir: "next" });
    expect(parseReviewListQuery({ cursor: "<script>" })).toEqual({ sort: "helpful", dir: "next" });
  });
  it("is strict for the API", () => {
    expect(reviewListQuerySchema.safeParse({ sort: "loudest" }).success).toBe(false);
    expect(reviewListQuerySchema.safeParse({ rating: "0" }).success).toBe(false);
    expect(reviewListQuerySchema.safeParse({ rating: "6" }).success).toBe(false);
  });
  it("writes links that leave defaults out and round-trip", () => {
    const base = "/films/the-work/reviews";
    expect(reviewListHref(base, { sort: "helpful" })).toBe(base);
    expect(reviewListHref(base, { sort: "newest", rating: 2 })).toBe(`${base}?sort=newest&rating=2`);
    const href = reviewListHref(base, { sort: "lowest", rating: 1, cursor: LOWEST, dir: "prev" });
    const sp = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseReviewListQuery(sp)).toEqual({ sort: "lowest", rating: 1, cursor: LOWEST, dir: "prev" });
  });
});
