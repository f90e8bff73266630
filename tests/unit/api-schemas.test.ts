import { describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  filmDetailResponseSchema,
  filmListQuerySchema,
  filmListResponseSchema,
  reviewListResponseSchema,
  reviewsQuerySchema,
} from "@/lib/validation/api";
import { decodeFilmCursor, encodeFilmCursor } from "@/lib/keyset/cursor";
import { filmListHref, parseFilmListState } from "@/lib/validation/catalog";
import { encodeCursor } from "@/lib/keyset/cursor";
import { summarize } from "@/lib/ratings";

const popularCursor = encodeFilmCursor({ sort: "popular", reviewCount: 6, id: "film_1" });
const newestCursor = encodeFilmCursor({ sort: "newest", releaseDate: "2017-10-27", id: "film_1" });
const topCursor = encodeFilmCursor({ sort: "top", score: 4.6, reviewCount: 23, id: "film_1" });

describe("film list query (API, strict)", () => {
  it("has defaults", () => {
    expect(filmListQuerySchema.parse({})).toEqual({ sort: "popular", dir: "next", limit: 20 });
  });

  it("reads every parameter and trims q", () => {
    expect(filmListQuerySchema.parse({ q: "  the work ", genre: "drama", sort: "top", cursor: topCursor, dir: "prev", limit: "5" })).toEqual({
      q: "the work",
      genre: "drama",
      sort: "top",
      cursor: topCursor,
      dir: "prev",
      limit: 5,
    });
    expect(filmListQuerySchema.parse({ q: "   ", genre: "", limit: "" })).toEqual({ sort: "popular", dir: "next", limit: 20 });
    expect(filmListQuerySchema.parse({ sort: ["newest", "top"] }).sort).toBe("newest");
  });

  it("ignores parameters it does not know", () => {
    expect(filmListQuerySchema.parse({ utm_source: "x" })).toEqual({ sort: "popular", dir: "next", limit: 20 });
  });

  it.each([
    [{ sort: "loudest" }, "sort"],
    [{ limit: "0" }, "limit"],
    [{ limit: "51" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ limit: "2.5" }, "limit"],
    [{ q: "x".repeat(101) }, "q"],
    [{ genre: "Drama!" }, "genre"],
    [{ dir: "up" }, "dir"],
    [{ cursor: "<script>" }, "cursor"],
    [{ cursor: "bm90LWpzb24" }, "cursor"],
    [{ sort: "newest", cursor: popularCursor }, "cursor"],
    [{ sort: "top", cursor: newestCursor }, "cursor"],
    [{ sort: "popular", cursor: topCursor }, "cursor"],
  ])("rejects %j on %s", (input, field) => {
    const r = filmListQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toContain(field);
  });

  it("takes a cursor of its own sort", () => {
    expect(filmListQuerySchema.safeParse({ sort: "popular", cursor: popularCursor }).success).toBe(true);
    expect(filmListQuerySchema.safeParse({ sort: "newest", cursor: newestCursor }).success).toBe(true);
    expect(filmListQuerySchema.safeParse({ sort: "top", cursor: topCursor }).success).toBe(true);
  });
});

describe("reviews query (API, strict)", () => {
  it("is the review page's schema with a page size", () => {
    expect(reviewsQuerySchema.parse({})).toEqual({ sort: "helpful", dir: "next", limit: 10 });
    expect(reviewsQuerySchema.parse({ sort: "lowest", rating: "1", limit: "50", other: "x" })).toEqual({ sort: "lowest", rating: 1, dir: "next", limit: 50 });
    expect(reviewsQuerySchema.parse({ rating: "all" }).rating).toBeUndefined();
  });

  it.each([["0"], ["6"], ["2.5"], ["five"]])("rejects rating=%s", (rating) => {
    const r = reviewsQuerySchema.safeParse({ rating });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["rating"]);
  });

  it("rejects an unknown sort and a page size over 50", () => {
    expect(reviewsQuerySchema.safeParse({ sort: "best" }).success).toBe(false);
    expect(reviewsQuerySchema.safeParse({ limit: "51" }).success).toBe(false);
  });
});

describe("film cursors", () => {
  it("round-trip in their own sort only", () => {
    expect(decodeFilmCursor("popular", popularCursor)).toEqual({ sort: "popular", reviewCount: 6, id: "film_1" });
    expect(decodeFilmCursor("newest", newestCursor)).toEqual({ sort: "newest", releaseDate: "2017-10-27", id: "film_1" });
    expect(decodeFilmCursor("top", topCursor)).toEqual({ sort: "top", score: 4.6, reviewCount: 23, id: "film_1" });
    expect(decodeFilmCursor("newest", popularCursor)).toBeNull();
    expect(decodeFilmCursor("popular", newestCursor)).toBeNull();
    expect(decodeFilmCursor("top", popularCursor)).toBeNull();
  });

  it("refuse impossible values", () => {
    expect(decodeFilmCursor("newest", encodeCursor({ v: ["2017-02-30"], id: "x" }))).toBeNull();
    expect(decodeFilmCursor("popular", encodeCursor({ v: [-1], id: "x" }))).toBeNull();
    expect(decodeFilmCursor("popular", encodeCursor({ v: [1.5], id: "x" }))).toBeNull();
    expect(decodeFilmCursor("top", encodeCursor({ v: [7, 3, 4], id: "x" }))).toBeNull();
    expect(decodeFilmCursor("top", encodeCursor({ v: [4, 3, 0.5], id: "x" }))).toBeNull();
    expect(decodeFilmCursor("popular", encodeCursor({ v: [3], id: "" }))).toBeNull();
    expect(decodeFilmCursor("popular", undefined)).toBeNull();
  });
});

describe("genre page URL state (lenient)", () => {
  it("falls back to Popular and drops cursors that do not fit", () => {
    expect(parseFilmListState({})).toEqual({ sort: "popular", dir: "next" });
    expect(parseFilmListState({ sort: "loudest" })).toEqual({ sort: "popular", dir: "next" });
    expect(parseFilmListState({ sort: "top", cursor: topCursor, dir: "prev" })).toEqual({ sort: "top", cursor: topCursor, dir: "prev" });
    expect(parseFilmListState({ sort: "newest", cursor: topCursor, dir: "prev" })).toEqual({ sort: "newest", dir: "next" });
    expect(parseFilmListState({ cursor: "<b>" })).toEqual({ sort: "popular", dir: "next" });
  });

  it("writes links that leave defaults out and round-trip", () => {
    expect(filmListHref("/genres/drama", { sort: "popular" })).toBe("/genres/drama");
    expect(filmListHref("/genres/drama", { sort: "top" })).toBe("/genres/drama?sort=top");
    const href = filmListHref("/genres/drama", { sort: "newest", cursor: newestCursor, dir: "prev" });
    expect(parseFilmListState(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual({ sort: "newest", cursor: newestCursor, dir: "prev" });
  });
});

describe("response schemas", () => {
  const summary = {
    slug: "the-work",
    title: "The Work",
    year: 2017,
    releaseDate: "2017-10-27",
    runtimeMinutes: 89,
    rating: { average: 4.7, count: 23 },
    url: "http://localhost:3000/films/the-work",
  };

  it("strip what the contract does not name", () => {
    const page = filmListResponseSchema.parse({ data: [{ ...summary, id: "secret", ratingSum: 107 }], nextCursor: null, prevCursor: null });
    expect(page.data[0]).toEqual(summary);
  });

  it("refuse a page that breaks the contract", () => {
    expect(filmListResponseSchema.safeParse({ data: [{ ...summary, releaseDate: "27/10/2017" }], nextCursor: null, prevCursor: null }).success).toBe(false);
    expect(filmListResponseSchema.safeParse({ data: [], nextCursor: null }).success).toBe(false);
    expect(filmListResponseSchema.safeParse({ data: [{ ...summary, rating: { average: 0, count: 0 } }], nextCursor: null, prevCursor: null }).success).toBe(
      false,
    );
  });

  it("carry the film's histogram 5 → 1", () => {
    const s = summarize({ 1: 0, 2: 0, 3: 2, 4: 4, 5: 17 });
    const detail = {
      ...summary,
      tagline: "",
      synopsis: "…",
      contentRating: "NR",
      genres: [{ slug: "documentary", name: "Documentary" }],
      directors: ["Jairus McLeary"],
      cast: [],
      rating: { average: s.average, count: s.count, histogram: s.histogram },
      links: { reviews: "http://x/api/films/the-work/reviews", poster: "http://x/films/the-work/poster.svg", image: "http://x/films/the-work/opengraph-image" },
      updatedAt: "2026-01-01T00:00:00.000Z",
    };
    const parsed = filmDetailResponseSchema.parse({ data: detail }).data;
    expect(parsed.rating.histogram.map((h) => h.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(filmDetailResponseSchema.safeParse({ data: { ...detail, rating: { ...detail.rating, histogram: s.histogram.slice(1) } } }).success).toBe(false);
  });

  it("describe reviews and errors", () => {
    const review = {
      id: "r1",
      rating: 5,
      body: null,
      spoiler: false,
      authorName: null,
      createdAt: "2017-11-27T15:04:00.000Z",
      editedAt: null,
      helpful: { yes: 3, no: 0 },
      reply: null,
    };
    const replied = { ...review, reply: { publisherName: "Beacon Films", body: "Thanks!", createdAt: "2017-11-28T10:00:00.000Z", editedAt: null } };
    expect(reviewListResponseSchema.parse({ data: [replied], nextCursor: null, prevCursor: null }).data[0]).toEqual(replied);
    expect(reviewListResponseSchema.safeParse({ data: [{ ...review, reply: { body: "no publisher" } }], nextCursor: null, prevCursor: null }).success).toBe(
      false,
    );
    expect(reviewListResponseSchema.parse({ data: [review], nextCursor: "abc", prevCursor: null }).data[0]).toEqual(review);
    expect(reviewListResponseSchema.safeParse({ data: [{ ...review, rating: 6 }], nextCursor: null, prevCursor: null }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ error: { message: "Film not found", fields: {} } }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ error: { message: "Bad", fields: { rating: "no" } } }).success).toBe(false);
  });
});
