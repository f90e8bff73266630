import { describe, expect, it } from "vitest";
import { bayesianScore, catalogMean, compareTopRated, NEUTRAL_MEAN, PRIOR_WEIGHT, priorFor, rankTopRated, type Prior } from "@/lib/ranking";

const film = (id: string, reviewCount: number, average: number) => ({ id, reviewCount, ratingSum: Math.round(reviewCount * average) });

describe("Bayesian average", () => {
  const prior: Prior = { mean: 4.2, weight: PRIOR_WEIGHT };

  it("ranks a 4.8 from 2,000 reviews above a 5.0 from two", () => {
    const few = film("few", 2, 5.0);
    const many = film("many", 2000, 4.8);
    expect(few.ratingSum).toBe(10);
    expect(many.ratingSum).toBe(9600);
    expect(bayesianScore(few, prior)).toBeCloseTo((10 * 4.2 + 10) / 12, 12);
    expect(bayesianScore(many, prior)).toBeCloseTo((10 * 4.2 + 9600) / 2010, 12);
    expect(bayesianScore(many, prior)).toBeGreaterThan(bayesianScore(few, prior));
    expect(rankTopRated([few, many], prior).map((f) => f.id)).toEqual(["many", "few"]);
    // ... and the raw average would have had it the other way round.
    expect(few.ratingSum / few.reviewCount).toBeGreaterThan(many.ratingSum / many.reviewCount);
  });

  it("holds with the prior pooled from a whole catalog", () => {
    const few = film("few", 2, 5.0);
    const many = film("many", 2000, 4.8);
    const rest = Array.from({ length: 20 }, (_, i) => film(`f${i}`, 50, 3.9));
    const p = priorFor([few, many, ...rest]);
    expect(p.mean).toBeGreaterThan(4.4);
    expect(rankTopRated([few, many, ...rest], p).slice(0, 2).map((f) => f.id)).toEqual(["many", "few"]);
  });

  it("lets two 5s edge ahead only when the catalog mean itself is near 4.8", () => {
    // (10·m + 10) / 12 < 9600 / 2000 exactly when m < 4.76: the prior is the catalog's
    // mean, so a little-reviewed film is never ranked far from it.
    const few = film("few", 2, 5.0);
    const many = film("many", 2000, 4.8);
    expect(compareTopRated(few, many, { mean: 4.75, weight: PRIOR_WEIGHT })).toBeGreaterThan(0);
    expect(compareTopRated(few, many, { mean: 4.77, weight: PRIOR_WEIGHT })).toBeLessThan(0);
  });

  it("scores a film without reviews at the catalog mean", () => {
    expect(bayesianScore({ reviewCount: 0, ratingSum: 0 }, prior)).toBe(4.2);
    const ranked = rankTopRated([film("good", 50, 4.6), { id: "none", reviewCount: 0, ratingSum: 0 }, film("poor", 50, 2.0)], prior);
    expect(ranked.map((f) => f.id)).toEqual(["good", "none", "poor"]);
  });

  it("moves towards the film's own mean as reviews accumulate", () => {
    const scores = [1, 10, 100, 10_000].map((n) => bayesianScore(film("x", n, 5), prior));
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(scores[3]!).toBeGreaterThan(4.99);
    expect(scores[0]!).toBeLessThan(4.3);
  });

  it("breaks ties by review count, then id", () => {
    // Both average exactly the prior mean: equal scores, the one with more reviews first.
    const p: Prior = { mean: 4, weight: 10 };
    const a = { id: "a", reviewCount: 2, ratingSum: 8 };
    const b = { id: "b", reviewCount: 10, ratingSum: 40 };
    expect(bayesianScore(a, p)).toBe(bayesianScore(b, p));
    expect(rankTopRated([a, b], p).map((f) => f.id)).toEqual(["b", "a"]);
    // Identical counters: by id, whatever the input order.
    const c = { id: "c", reviewCount: 5, ratingSum: 22 };
    const d = { id: "d", reviewCount: 5, ratingSum: 22 };
    expect(rankTopRated([d, c], p).map((f) => f.id)).toEqual(["c", "d"]);
    expect(rankTopRated([c, d], p).map((f) => f.id)).toEqual(["c", "d"]);
    expect(compareTopRated(c, c, p)).toBe(0);
  });

  it("is a plain average with no prior weight", () => {
    expect(bayesianScore(film("x", 4, 4.5), { mean: 3, weight: 0 })).toBe(4.5);
    expect(bayesianScore({ reviewCount: 0, ratingSum: 0 }, { mean: 3, weight: 0 })).toBe(3);
  });
});

describe("prior", () => {
  it("pools every rating of the catalog", () => {
    const p = priorFor([film("a", 2, 5), film("b", 8, 3.5)]);
    expect(p.mean).toBe((10 + 28) / 10);
    expect(p.weight).toBe(PRIOR_WEIGHT);
  });

  it("falls back to the middle of the scale with no ratings at all", () => {
    expect(catalogMean({ reviewCount: 0, ratingSum: 0 })).toBe(NEUTRAL_MEAN);
    expect(priorFor([]).mean).toBe(3);
    expect(priorFor([{ reviewCount: 0, ratingSum: 0 }]).mean).toBe(3);
  });
});
