// "Top rated": a Bayesian average, so a film is ranked by what its ratings say once
// they are weighed against how few of them there are.
//
//   score = (C · m + ratingSum) / (C + reviewCount)
//
// m is the catalog-wide mean rating (every visible rating of every film, from the
// films' counters) and C the prior weight: each film starts with C imaginary ratings
// of m, and its own ratings pull it away from there. Two 5-star reviews barely move a
// film (5.0 from 2 reviews scores about 4.5 with m = 4.4), two thousand 4.8s make it
// 4.8: the first no longer beats the second.
//
// Why C = 10, a constant, and not a percentile of review counts: C is how many ratings
// it takes before a film's own mean is trusted as much as the catalog's, which in a
// normal–normal model is σ²/τ² — the spread of single ratings (σ ≈ 1 star on a 1–5
// scale) over the spread of films' true means (τ ≈ 0.3 star): about 11. That ratio
// does not grow with traffic. A median or 25th-percentile review count does: as
// Marquee grows to thousands of reviews per film the prior would grow with it and
// flatten every film with a few hundred reviews to the catalog mean. A constant also
// keeps rankings (and the keyset cursors of a "Top rated" list) stable while reviews
// arrive; only m moves, and cursors carry the m their list was ranked with.
//
// The same formula runs in SQL (lib/data/catalog.ts, ORDER BY the score) over the
// films' counters; the integration tests check that both agree.

export type RatingCounters = { reviewCount: number; ratingSum: number };
export type Prior = { mean: number; weight: number };

/** The prior weight C: ten ratings' worth of the catalog mean (see above). */
export const PRIOR_WEIGHT = 10;
/** The mean used while the catalog has no ratings at all (the middle of 1–5). */
export const NEUTRAL_MEAN = 3;

/** The catalog-wide mean rating from summed counters, NEUTRAL_MEAN when nothing is rated. */
export function catalogMean(totals: RatingCounters): number {
  return totals.reviewCount > 0 ? totals.ratingSum / totals.reviewCount : NEUTRAL_MEAN;
}

/** The prior for a set of films: their pooled mean rating and PRIOR_WEIGHT. */
export function priorFor(films: Iterable<RatingCounters>, weight = PRIOR_WEIGHT): Prior {
  let reviewCount = 0;
  let ratingSum = 0;
  for (const f of films) {
    reviewCount += f.reviewCount;
    ratingSum += f.ratingSum;
  }
  return { mean: catalogMean({ reviewCount, ratingSum }), weight };
}

/**
 * The Bayesian average of one film. Evaluated as (C·m + sum) / (C + n) in exactly this
 * order, the same operations as the SQL, so JavaScript and the database get the same
 * double. A film without ratings scores m.
 */
export function bayesianScore(film: RatingCounters, prior: Prior): number {
  const denominator = prior.weight + film.reviewCount;
  if (denominator <= 0) return prior.mean;
  return (prior.weight * prior.mean + film.ratingSum) / denominator;
}

export type Rankable = RatingCounters & { id: string };

/**
 * "Top rated" order: higher score first; on equal scores the film with more reviews
 * (more evidence), then the id ascending, so the order is total and pages by keyset.
 */
export function compareTopRated(a: Rankable, b: Rankable, prior: Prior): number {
  const sa = bayesianScore(a, prior);
  const sb = bayesianScore(b, prior);
  if (sa !== sb) return sb - sa;
  if (a.reviewCount !== b.reviewCount) return b.reviewCount - a.reviewCount;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy of the films in "Top rated" order. */
export function rankTopRated<T extends Rankable>(films: readonly T[], prior: Prior = priorFor(films)): T[] {
  return [...films].sort((a, b) => compareTopRated(a, b, prior));
}
