-- A search of one or two letters looks the exact title up by equality (lib/data/search.ts,
-- shortSearchSql), not by trigrams, which resemble most of the catalog at that length.
CREATE INDEX "Film_searchText_idx" ON "Film"("searchText");
