-- Top rated at size: the Bayesian score of a film needs the catalog mean m, which moves,
-- so it cannot be indexed itself. topKey is the score at a fixed m0 = 3.75 with the
-- prior weight C = 10 (lib/ranking.ts PRIOR_WEIGHT). For any m the true score differs
-- from topKey by C times (m - m0) over (C + reviewCount), at most the distance from m to m0,
-- so lib/data/catalog.ts walks this index from the top, ranks a few hundred
-- candidates exactly and proves no other film can rank above them (else it falls back
-- to ranking every film). A generated column: no writer can forget it.
ALTER TABLE "Film" ADD COLUMN "topKey" DOUBLE PRECISION GENERATED ALWAYS AS (("ratingSum"::double precision + 37.5) / ("reviewCount" + 10)::double precision) STORED;

CREATE INDEX "Film_top_idx" ON "Film"("topKey" DESC, "id");
