-- Every FilmGenre index of the genre_sort_keys migration starts with "genreId", so a
-- lookup by genre (and the genre's foreign key) has those, and this one only cost a write on
-- every link a review save moves.
DROP INDEX "FilmGenre_genreId_filmId_idx";
