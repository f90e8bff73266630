// Rating and helpfulness math shared by pages, the API and the data layer.

export type StarValue = 1 | 2 | 3 | 4 | 5;
export const STAR_VALUES: readonly StarValue[] = [5, 4, 3, 2, 1];

/** Per-star counts, e.g. the film's denormalised rating1..rating5 columns. */
export type StarCounts = Record<StarValue, number>;

export type RatingSummary = {
  count: number;
  /** Average rounded to one decimal, or null when there are no ratings. */
  average: number | null;
  /** The exact average (for stars), or null. */
  exact: number | null;
  /** 5→1, each with its count and a whole-number percentage; percentages sum to 100. */
  histogram: { stars: StarValue; count: number; percent: number }[];
};

export function totalOf(counts: StarCounts): number {
  return counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
}

export function sumOf(counts: StarCounts): number {
  return counts[1] + 2 * counts[2] + 3 * counts[3] + 4 * counts[4] + 5 * counts[5];
}

/** Rounds half away from zero to one decimal, avoiding binary surprises (4.45 → 4.5). */
export function roundOneDecimal(x: number): number {
  return Math.round((x + Number.EPSILON) * 10) / 10;
}

/**
 * Whole percentages that add up to exactly 100 (largest-remainder method), so the
 * histogram never reads 99% or 101% in total. All zero when there are no ratings.
 */
export function percentages(values: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return values.map(() => 0);
  const raw = values.map((v) => (v * 100) / total);
  const floors = raw.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || values[b.i]! - values[a.i]! || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

/** A film's average rating to one decimal from its counters, or null without ratings. */
export function averageOf(ratingSum: number, reviewCount: number): number | null {
  return reviewCount > 0 ? roundOneDecimal(ratingSum / reviewCount) : null;
}

export function summarize(counts: StarCounts): RatingSummary {
  const count = totalOf(counts);
  const exact = count === 0 ? null : sumOf(counts) / count;
  const pct = percentages(STAR_VALUES.map((s) => counts[s]));
  return {
    count,
    exact,
    average: exact === null ? null : roundOneDecimal(exact),
    histogram: STAR_VALUES.map((stars, i) => ({ stars, count: counts[stars], percent: pct[i]! })),
  };
}

/**
 * Lower bound of the Wilson score interval for the share of "yes" votes, at 95%
 * confidence (z = 1.96). 3 of 3 (0.44) ranks above 60 of 200 (0.24); no votes is 0.
 */
export function wilsonLowerBound(yes: number, no: number, z = 1.959963984540054): number {
  const n = yes + no;
  if (n <= 0) return 0;
  const p = yes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const value = (centre - margin) / (1 + z2 / n);
  return Math.min(1, Math.max(0, value));
}

/** "1 person found this review helpful" / "N people found this review helpful". */
export function helpfulLine(yes: number): string {
  return yes === 1 ? "1 person found this review helpful" : `${yes.toLocaleString("en-US")} people found this review helpful`;
}

export function reviewCountLabel(count: number): string {
  return count === 1 ? "1 review" : `${count.toLocaleString("en-US")} reviews`;
}
