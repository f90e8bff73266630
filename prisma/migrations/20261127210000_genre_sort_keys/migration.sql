-- A genre's lists at size: a genre page walked Film's sort index and probed FilmGenre for
-- every film it passed (ten films read for each one of a genre holding a tenth of the
-- catalog), and "top" within a genre ranked the genre's every film from Film's wide rows.
-- Each link now carries its film's sort keys, copied by triggers, so a genre's page is one
-- range of a FilmGenre index and 20 primary-key reads of Film, and ranking a whole genre reads
-- only its links.
ALTER TABLE "FilmGenre"
  ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "reviewCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "ratingSum" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "releaseDate" DATE NOT NULL DEFAULT '1900-01-01';

-- The same generated score at the fixed mean as Film."topKey" (film_top_key migration).
ALTER TABLE "FilmGenre" ADD COLUMN "topKey" DOUBLE PRECISION GENERATED ALWAYS AS (("ratingSum"::double precision + 37.5) / ("reviewCount" + 10)::double precision) STORED;

UPDATE "FilmGenre" fg SET "published" = f.published, "reviewCount" = f."reviewCount", "ratingSum" = f."ratingSum", "releaseDate" = f."releaseDate"
FROM "Film" f WHERE f.id = fg."filmId";

-- Each function body is an E'' string with \073 for its semicolons (see genre_film_count).

-- A link takes its film's keys when it is made (or pointed at another film).
CREATE FUNCTION marquee_film_genre_keys() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT f.published, f."reviewCount", f."ratingSum", f."releaseDate"
    INTO NEW."published", NEW."reviewCount", NEW."ratingSum", NEW."releaseDate"
    FROM "Film" f WHERE f.id = NEW."filmId"\073
  RETURN NEW\073
END ';
CREATE TRIGGER "FilmGenre_keys" BEFORE INSERT OR UPDATE OF "filmId" ON "FilmGenre"
  FOR EACH ROW EXECUTE FUNCTION marquee_film_genre_keys();

-- A film's keys changed (a review saved or moderated, the film published, withdrawn or
-- re-dated): its links follow in the same transaction.
CREATE FUNCTION marquee_film_genre_keys_follow() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "FilmGenre" SET "published" = NEW.published, "reviewCount" = NEW."reviewCount",
         "ratingSum" = NEW."ratingSum", "releaseDate" = NEW."releaseDate"
  WHERE "filmId" = NEW.id\073
  RETURN NULL\073
END ';
CREATE TRIGGER "Film_genre_keys" AFTER UPDATE OF published, "reviewCount", "ratingSum", "releaseDate" ON "Film"
  FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published OR OLD."reviewCount" IS DISTINCT FROM NEW."reviewCount"
    OR OLD."ratingSum" IS DISTINCT FROM NEW."ratingSum" OR OLD."releaseDate" IS DISTINCT FROM NEW."releaseDate")
  EXECUTE FUNCTION marquee_film_genre_keys_follow();

-- One index per order of a genre page (lib/data/film-lists.ts ORDER), the genre and
-- visibility first so a page is one range.
CREATE INDEX "FilmGenre_popular_idx" ON "FilmGenre"("genreId", "published", "reviewCount" DESC, "filmId" DESC);
CREATE INDEX "FilmGenre_newest_idx" ON "FilmGenre"("genreId", "published", "releaseDate" DESC, "filmId");
CREATE INDEX "FilmGenre_top_idx" ON "FilmGenre"("genreId", "published", "topKey" DESC, "filmId") INCLUDE ("reviewCount", "ratingSum");
