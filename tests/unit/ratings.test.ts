import { describe, expect, it } from "vitest";
import { helpfulLine, percentages, reviewCountLabel, roundOneDecimal, summarize, wilsonLowerBound } from "@/lib/ratings";

describe("wilsonLowerBound", () => {
  it("is 0 without votes and between 0 and 1 otherwise", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonLowerBound(10, 0)).toBeGreaterThan(0.7);
    expect(wilsonLowerBound(10, 0)).toBeLessThan(1);
  });
  it("matches the textbook value", () => {
    // 60 of 200 at 95%: about 0.2406
    expect(wilsonLowerBound(60, 140)).toBeCloseTo(0.2406, 3);
    expect(wilsonLowerBound(3, 0)).toBeCloseTo(0.4385, 3);
  });
  it("ranks 3 of 3 above 60 of 200, and more evidence above less at the same share", () => {
    expect(wilsonLowerBound(3, 0)).toBeGreaterThan(wilsonLowerBound(60, 140));
    expect(wilsonLowerBound(100, 0)).toBeGreaterThan(wilsonLowerBound(3, 0));
    expect(wilsonLowerBound(80, 20)).toBeGreaterThan(wilsonLowerBound(8, 2));
  });
});

describe("percentages", () => {
  it("always sums to exactly 100 when there are ratings", () => {
    const cases = [
      [1, 1, 1],
      [17, 4, 2, 0, 0],
      [1, 0, 0, 0, 0],
      [2, 2, 2, 1, 0],
      [333, 333, 334, 0, 0],
      [7, 11, 13, 17, 19],
    ];
    for (const c of cases) expect(percentages(c).reduce((a, b) => a + b, 0)).toBe(100);
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
  });
  it("is all zero without ratings", () => {
    expect(percentages([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
  it("never moves a share by more than one point", () => {
    const v = [17, 4, 2, 0, 0];
    const p = percentages(v);
    v.forEach((x, i) => expect(Math.abs(p[i]! - (x * 100) / 23)).toBeLessThan(1));
  });
});

describe("summarize", () => {
  it("gives the average to one decimal and a 5→1 histogram", () => {
    const s = summarize({ 1: 0, 2: 0, 3: 2, 4: 4, 5: 17 });
    expect(s.count).toBe(23);
    expect(s.average).toBe(4.7);
    expect(s.histogram.map((h) => h.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(s.histogram.map((h) => h.percent)).toEqual([74, 17, 9, 0, 0]);
    expect(s.histogram.reduce((a, h) => a + h.percent, 0)).toBe(100);
  });
  it("has no average without ratings", () => {
    const s = summarize({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    expect(s.average).toBeNull();
    expect(s.count).toBe(0);
  });
  it("rounds halves up", () => {
    expect(roundOneDecimal(4.45)).toBe(4.5);
    expect(roundOneDecimal(4.449)).toBe(4.4);
    // 1,1,1,2 → 1.25 → 1.3
    expect(summarize({ 1: 3, 2: 1, 3: 0, 4: 0, 5: 0 }).average).toBe(1.3);
  });
});

describe("labels", () => {
  it("uses singular and plural", () => {
    expect(helpfulLine(1)).toBe("1 person found this review helpful");
    expect(helpfulLine(12)).toBe("12 people found this review helpful");
    expect(reviewCountLabel(1)).toBe("1 review");
    expect(reviewCountLabel(23)).toBe("23 reviews");
    expect(reviewCountLabel(1234)).toBe("1,234 reviews");
  });
});

describe("averageOf", () => {
  it("is the one-decimal average of the counters, or null without ratings", async () => {
    const { averageOf } = await import("@/lib/ratings");
    expect(averageOf(0, 0)).toBeNull();
    expect(averageOf(108, 23)).toBe(4.7);
    expect(averageOf(5, 4)).toBe(1.3);
  });
});
