// Film cards carry the film's uploaded poster (issue 10's gap): every list that renders
// components/film/FilmCard.tsx reads posterPath, and the card shows that image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { listFilms, loadGenreRows, loadNewReleases, loadTopRated } from "@/lib/data/film-lists";
import { loadSimilarFilms } from "@/lib/data/films";
import { searchFilms } from "@/lib/data/search";
import { loadWishlist, setWishlist } from "@/lib/data/wishlist";
import { filmPosterImage, posterUrl } from "@/lib/poster-url";
import { foldForSearch } from "@/lib/validation/search";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
const slug = "the-work";
const poster = "/uploads/posters/0123456789abcdef0123456789abcdef";

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
  await db.prisma.film.update({ where: { slug }, data: { posterPath: poster } });
});
afterAll(async () => db?.dispose());

describe(`film cards on ${ENGINE}`, () => {
  it("carry the uploaded poster in every list, and null for a generated one", async () => {
    const film = await db.prisma.film.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const genre = await db.prisma.filmGenre.findFirstOrThrow({ where: { filmId: film.id }, select: { genreId: true } });
    const lists = [
      ...(await Promise.all(
        (["popular", "top", "newest"] as const).map(async (sort) => (await listFilms({ sort, genreId: genre.genreId, limit: 100 })).items),
      )),
      (await listFilms({ sort: "popular", q: "the work", limit: 10 })).items,
      await loadNewReleases(100),
      await loadTopRated(100),
      (await loadGenreRows(100, 1)).flatMap((r) => r.films),
      await searchFilms(foldForSearch("the work")),
    ];
    for (const items of lists) {
      const card = items.find((f) => f.slug === slug);
      expect(card?.posterPath).toBe(poster);
      expect(items.filter((f) => f.slug !== slug).every((f) => f.posterPath === null)).toBe(true);
    }

    const other = await db.prisma.film.findFirstOrThrow({ where: { slug: { not: slug }, genres: { some: { genreId: genre.genreId } } }, select: { id: true } });
    const similar = await loadSimilarFilms(other.id, 100);
    expect(similar.find((f) => f.slug === slug)?.posterPath).toBe(poster);

    const member = await db.prisma.user.findFirstOrThrow({ select: { id: true, role: true } });
    expect((await setWishlist(member, { filmId: film.id, on: true })).ok).toBe(true);
    expect((await loadWishlist(member.id)).find((f) => f.slug === slug)?.posterPath).toBe(poster);
  });

  it("show the uploaded poster's sizes, or the generated poster", () => {
    expect(filmPosterImage({ slug, title: "The Work", year: 2017, posterPath: poster })).toEqual({
      src: `${poster}-400.webp`,
      srcSet: `${poster}-200.webp 200w, ${poster}-400.webp 400w, ${poster}-800.webp 800w`,
    });
    expect(filmPosterImage({ slug, title: "The Work", year: 2017, posterPath: null })).toEqual({ src: posterUrl(slug, "The Work", 2017) });
  });
});
