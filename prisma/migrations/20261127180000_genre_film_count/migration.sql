-- A genre's number of published films, kept by the database itself: a genre page and the
-- genre index showed count(*) over the genre's films on every uncached view (45 ms for a
-- genre of 10,000 films). Triggers keep it exact whoever writes (the app, the catalog
-- import, the seed, db:generate), and db:check compares it with the rows.
ALTER TABLE "Genre" ADD COLUMN "filmCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Genre" ADD CONSTRAINT "Genre_filmCount_nonneg" CHECK ("filmCount" >= 0);

-- Each function body is an E'' string with \073 for its semicolons: the PostgreSQL
-- adapter runs a migration by splitting it on every semicolon, dollar quotes included.

UPDATE "Genre" g SET "filmCount" = c.n
FROM (SELECT fg."genreId", count(*)::int AS n FROM "FilmGenre" fg JOIN "Film" f ON f.id = fg."filmId" AND f.published GROUP BY fg."genreId") c
WHERE g.id = c."genreId";

-- Links added or removed, a statement at a time (one UPDATE per genre touched, so a bulk
-- insert of 200,000 links is one pass). A link whose film is not visible (unpublished, or
-- deleted earlier in the same transaction: see marquee_genre_count_film_delete) counts 0.
CREATE FUNCTION marquee_genre_count_links_added() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Genre" g SET "filmCount" = g."filmCount" + d.n
  FROM (SELECT l."genreId", count(*)::int AS n FROM marquee_links l JOIN "Film" f ON f.id = l."filmId" AND f.published GROUP BY l."genreId") d
  WHERE g.id = d."genreId"\073
  RETURN NULL\073
END ';

CREATE FUNCTION marquee_genre_count_links_removed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Genre" g SET "filmCount" = g."filmCount" - d.n
  FROM (SELECT l."genreId", count(*)::int AS n FROM marquee_links l JOIN "Film" f ON f.id = l."filmId" AND f.published GROUP BY l."genreId") d
  WHERE g.id = d."genreId"\073
  RETURN NULL\073
END ';

CREATE TRIGGER "FilmGenre_count_insert" AFTER INSERT ON "FilmGenre"
  REFERENCING NEW TABLE AS marquee_links FOR EACH STATEMENT EXECUTE FUNCTION marquee_genre_count_links_added();
CREATE TRIGGER "FilmGenre_count_delete" AFTER DELETE ON "FilmGenre"
  REFERENCING OLD TABLE AS marquee_links FOR EACH STATEMENT EXECUTE FUNCTION marquee_genre_count_links_removed();

-- A link moved from one genre or film to another: out of the old, into the new.
CREATE FUNCTION marquee_genre_count_link_moved() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Genre" g SET "filmCount" = g."filmCount" - 1 FROM "Film" f WHERE g.id = OLD."genreId" AND f.id = OLD."filmId" AND f.published\073
  UPDATE "Genre" g SET "filmCount" = g."filmCount" + 1 FROM "Film" f WHERE g.id = NEW."genreId" AND f.id = NEW."filmId" AND f.published\073
  RETURN NULL\073
END ';
CREATE TRIGGER "FilmGenre_count_update" AFTER UPDATE ON "FilmGenre"
  FOR EACH ROW WHEN (OLD."genreId" IS DISTINCT FROM NEW."genreId" OR OLD."filmId" IS DISTINCT FROM NEW."filmId")
  EXECUTE FUNCTION marquee_genre_count_link_moved();

-- A film published or withdrawn: each of its genres gains or loses it.
CREATE FUNCTION marquee_genre_count_film_published() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Genre" g SET "filmCount" = g."filmCount" + CASE WHEN NEW.published THEN 1 ELSE -1 END
  FROM "FilmGenre" fg WHERE fg."filmId" = NEW.id AND g.id = fg."genreId"\073
  RETURN NULL\073
END ';
CREATE TRIGGER "Film_count_published" AFTER UPDATE OF published ON "Film"
  FOR EACH ROW WHEN (OLD.published IS DISTINCT FROM NEW.published)
  EXECUTE FUNCTION marquee_genre_count_film_published();

-- A published film deleted: its genres lose it before its links go (ON DELETE CASCADE
-- removes them after the film row, when the film is no longer visible to the link trigger).
CREATE FUNCTION marquee_genre_count_film_delete() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD.published THEN
    UPDATE "Genre" g SET "filmCount" = g."filmCount" - 1
    FROM "FilmGenre" fg WHERE fg."filmId" = OLD.id AND g.id = fg."genreId"\073
  END IF\073
  RETURN OLD\073
END ';
CREATE TRIGGER "Film_count_delete" BEFORE DELETE ON "Film"
  FOR EACH ROW EXECUTE FUNCTION marquee_genre_count_film_delete();
