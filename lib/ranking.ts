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
// The formula runs in SQL (lib/data/film-lists.ts, ORDER BY the score) over the films'
// counters; tests/integration/catalog-browse.test.ts checks its order against the
// formula computed independently.

/** The prior weight C: ten ratings' worth of the catalog mean (see above). */
export const PRIOR_WEIGHT = 10;
/** The mean used while the catalog has no ratings at all (the middle of 1–5). */
export const NEUTRAL_MEAN = 3;
