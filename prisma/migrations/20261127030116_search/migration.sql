-- Search: trigram matching (pg_trgm) on search keys that PostgreSQL derives itself.
-- Written by hand around Prisma's diff. No semicolons in comments here: the
-- PostgreSQL adapter splits scripts on them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- marquee_fold: the search form of a text. Lower case, accents stripped (NFD, then the
-- combining marks dropped), a few letters without a decomposition spelled out,
-- apostrophes dropped (so "won't" is "wont"), other punctuation and runs of space made
-- one space. Built-ins only, so it does not depend on search_path or on the unaccent
-- extension. lib/validation/search.ts has the same function in TypeScript.
CREATE OR REPLACE FUNCTION marquee_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(regexp_replace(
  replace(replace(replace(translate(
    regexp_replace(normalize(lower(input), NFD), '[\u0300-\u036f]', '', 'g'),
    'øłđħı', 'oldhi'), 'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'),
  '[''’ʼ`]', '', 'g'), '[[:punct:][:space:]]+', ' ', 'g'));

-- marquee_anagram: each word of a folded text with its letters sorted, so a swap of
-- two letters ("teh wrok") gives the same key as the right spelling ("the work").
CREATE OR REPLACE FUNCTION marquee_anagram(folded text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(s.sorted, ' ' ORDER BY t.n), '')
  FROM regexp_split_to_table(folded, ' ') WITH ORDINALITY AS t(w, n)
  CROSS JOIN LATERAL (
    SELECT string_agg(c, '' ORDER BY c COLLATE "C") AS sorted FROM regexp_split_to_table(t.w, '') AS c
  ) AS s
$$;

-- The search keys are generated columns: the seed, the admin and any future writer
-- cannot forget them. schema.prisma declares them with dbgenerated() defaults that
-- repeat these expressions, so Prisma's diff sees no change.
ALTER TABLE "Film"
  ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (marquee_fold("title")) STORED,
  ADD COLUMN "searchAnagram" TEXT GENERATED ALWAYS AS (marquee_anagram(marquee_fold("title"))) STORED;

ALTER TABLE "Genre"
  ADD COLUMN "searchName" TEXT GENERATED ALWAYS AS (marquee_fold("name")) STORED;

ALTER TABLE "Person"
  ADD COLUMN "searchName" TEXT GENERATED ALWAYS AS (marquee_fold("name")) STORED,
  ADD COLUMN "searchAnagram" TEXT GENERATED ALWAYS AS (marquee_anagram(marquee_fold("name"))) STORED;

-- CreateIndex
CREATE INDEX "Film_searchText_trgm_idx" ON "Film" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Film_searchAnagram_trgm_idx" ON "Film" USING GIN ("searchAnagram" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Genre_searchName_trgm_idx" ON "Genre" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_searchName_trgm_idx" ON "Person" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Person_searchAnagram_trgm_idx" ON "Person" USING GIN ("searchAnagram" gin_trgm_ops);
