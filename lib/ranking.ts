// "Top rated": a Bayesian average, so a film is ranked by what its ratings say once
// they are weighed against how few of them there are.
//
//   score = (C · m + ratingSum) / (C + reviewCount)
//
// Each film starts with C imaginary ratings of m, and its own ratings pull it away from
// there. Two 5-star reviews barely move a film (5.0 from 2 reviews scores about 3.96),
// two thousand 4.8s make it 4.8: the first no longer beats the second.
//
// Why C = 10, a constant, and not a percentile of review counts: C is how many ratings
// it takes before a film's own mean is trusted as much as the prior, which in a
// normal–normal model is σ²/τ² — the spread of single ratings (σ ≈ 1 star on a 1–5
// scale) over the spread of films' true means (τ ≈ 0.3 star): about 11. That ratio
// does not grow with traffic. A median or 25th-percentile review count does: as
// Marquee grows to thousands of reviews per film the prior would grow with it and
// flatten every film with a few hundred reviews to the mean.
//
// Why m = 3.75, a constant, and not the catalog's mean of the day: a catalog's mean
// depends on who reviews it (our seed's 300 reviews average 4.4, the generated store at
// size 3.7), and m matters only for films with few reviews, where it says what an
// unproven film is assumed to be: 3.75 is a cautious "ordinary, slightly good", so a
// film needs real ratings to climb. A constant makes a film's score a property of its own
// row: a generated column (Film."topKey", and the copy on each genre link,
// FilmGenre."topKey") that an index keeps in order, so every page of "Top rated", first
// or ten-thousandth, in the whole catalog or in a genre, is one range of that index; a
// rating only ever moves its own film; and a list's cursor stays valid while reviews
// arrive elsewhere.
// (Ranked at the catalog mean, a page deep in a genre had to rank every film of the
// genre below it: ×5 slower at 100,000 films.)
//
// The formula is written once in SQL, in the generated columns (migrations film_top_key
// and genre_sort_keys: 37.5 = C · m), and once here for tests, which check that the two
// agree and that lists come out in this order.

/** The prior weight C: ten ratings' worth of the prior mean (see above). */
export const PRIOR_WEIGHT = 10;
/** The prior mean m (see above). */
export const PRIOR_MEAN = 3.75;

/** A film's "Top rated" score from its counters. */
export function bayesianScore(ratingSum: number, reviewCount: number): number {
  return (ratingSum + PRIOR_WEIGHT * PRIOR_MEAN) / (reviewCount + PRIOR_WEIGHT);
}
