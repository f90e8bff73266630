-- "Top rated" ranks by the Bayesian average at a fixed prior mean (lib/ranking.ts), which is
-- the generated topKey column itself, ties broken by review count then id, all descending.
-- A page of "top" is then one range of an index in that order, like "popular" and "newest":
-- no candidates ranked at the catalog mean, no proof, no fallback that ranks a whole genre.
DROP INDEX "Film_top_idx";
CREATE INDEX "Film_top_idx" ON "Film"("topKey" DESC, "reviewCount" DESC, "id" DESC) INCLUDE ("published");
DROP INDEX "FilmGenre_top_idx";
CREATE INDEX "FilmGenre_top_idx" ON "FilmGenre"("genreId", "published", "topKey" DESC, "reviewCount" DESC, "filmId" DESC);
