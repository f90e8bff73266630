-- marquee_wilson: the lower bound of the Wilson score interval at 95 percent for the
-- share of yes votes, the same arithmetic in the same order as wilsonLowerBound in
-- lib/ratings.ts (so both give the same double). Single-statement vote writes compute
-- the review's helpfulScore with it, and db:check compares stored scores with it.
CREATE OR REPLACE FUNCTION marquee_wilson(yes integer, no integer) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN yes + no <= 0 THEN 0::float8 ELSE least(1::float8, greatest(0::float8,
  ((yes::float8 / (yes + no)) + (1.959963984540054::float8 * 1.959963984540054::float8) / (2 * (yes + no))::float8
   - 1.959963984540054::float8 * sqrt(((yes::float8 / (yes + no)) * (1::float8 - yes::float8 / (yes + no))
       + (1.959963984540054::float8 * 1.959963984540054::float8) / (4 * (yes + no))::float8) / (yes + no)::float8))
  / (1::float8 + (1.959963984540054::float8 * 1.959963984540054::float8) / (yes + no)::float8))) END;
