-- "Popular" breaks ties on the id descending, so the whole order, (reviewCount, id), runs
-- one way and a keyset page is one row comparison: an index range that starts at the
-- cursor. With (reviewCount DESC, id ASC) the bound was reviewCount <= c and then a
-- filter on the id, so a middle page of a genre read through every film with the same
-- count before the cursor (thousands of films with a handful of reviews at size).
DROP INDEX "Film_popular_idx";
CREATE INDEX "Film_popular_idx" ON "Film"("reviewCount" DESC, "id" DESC);
