// Genre."filmCount", the number of published films in a genre, is kept by triggers in
// the database (migration genre_film_count): every way a film enters or leaves a genre.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { findCounterDrift } from "@/lib/data/integrity";
import { loadGenreBySlug, loadGenres } from "@/lib/data/genres";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

describe(`genre film counts on ${ENGINE}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await seed(db.prisma);
  });
  afterAll(async () => db?.dispose());

  /** What the rows say: published films linked to the genre. */
  async function counted(slug: string): Promise<number> {
    return db.prisma.filmGenre.count({ where: { genre: { slug }, film: { published: true } } });
  }
  async function stored(slug: string): Promise<number> {
    return (await db.prisma.genre.findUniqueOrThrow({ where: { slug }, select: { filmCount: true } })).filmCount;
  }
  async function both(slug: string) {
    return { stored: await stored(slug), counted: await counted(slug) };
  }

  it("starts equal to the rows after the seed", async () => {
    const genres = await loadGenres();
    expect(genres.length).toBeGreaterThan(5);
    for (const g of genres) expect(g.filmCount).toBe(await counted(g.slug));
    expect((await loadGenreBySlug("drama"))!.filmCount).toBe(await counted("drama"));
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("follows links added, moved and removed, films unpublished, republished and deleted", async () => {
    const drama0 = await stored("drama");
    const doc0 = await stored("documentary");
    const film = await db.prisma.film.create({
      data: {
        slug: "count-check",
        title: "Count Check",
        year: 2001,
        releaseDate: new Date("2001-02-03"),
        runtimeMinutes: 90,
        synopsis: "s",
        contentRating: "PG",
      },
    });
    const drama = await db.prisma.genre.findUniqueOrThrow({ where: { slug: "drama" } });
    const doc = await db.prisma.genre.findUniqueOrThrow({ where: { slug: "documentary" } });

    await db.prisma.filmGenre.createMany({ data: [{ filmId: film.id, genreId: drama.id }] });
    expect(await both("drama")).toEqual({ stored: drama0 + 1, counted: drama0 + 1 });

    // moved from drama to documentary
    await db.prisma.filmGenre.update({ where: { filmId_genreId: { filmId: film.id, genreId: drama.id } }, data: { genreId: doc.id } });
    expect([await stored("drama"), await stored("documentary")]).toEqual([drama0, doc0 + 1]);

    await db.prisma.filmGenre.create({ data: { filmId: film.id, genreId: drama.id } });
    expect([await stored("drama"), await stored("documentary")]).toEqual([drama0 + 1, doc0 + 1]);

    // withdrawn: out of both; published again: back in both; an unrelated edit changes nothing
    await db.prisma.film.update({ where: { id: film.id }, data: { published: false } });
    expect([await stored("drama"), await stored("documentary")]).toEqual([drama0, doc0]);
    await db.prisma.film.update({ where: { id: film.id }, data: { published: false, title: "Count Check II" } });
    expect([await stored("drama"), await stored("documentary")]).toEqual([drama0, doc0]);
    await db.prisma.film.update({ where: { id: film.id }, data: { published: true } });
    expect([await stored("drama"), await stored("documentary")]).toEqual([drama0 + 1, doc0 + 1]);

    await db.prisma.filmGenre.deleteMany({ where: { filmId: film.id, genreId: doc.id } });
    expect(await both("documentary")).toEqual({ stored: doc0, counted: doc0 });

    // a published film deleted: its links go by cascade, its genres lose it once
    await db.prisma.film.delete({ where: { id: film.id } });
    expect(await both("drama")).toEqual({ stored: drama0, counted: drama0 });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("counts a withdrawn film's links only once it is published, and a bulk insert in one pass", async () => {
    const g = await db.prisma.genre.findUniqueOrThrow({ where: { slug: "documentary" } });
    const before = await stored("documentary");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const f = await db.prisma.film.create({
        data: {
          slug: `bulk-${i}`,
          title: `Bulk ${i}`,
          year: 2002,
          releaseDate: new Date("2002-01-01"),
          runtimeMinutes: 80,
          synopsis: "s",
          contentRating: "PG",
          published: i !== 0,
        },
      });
      ids.push(f.id);
    }
    await db.prisma.filmGenre.createMany({ data: ids.map((filmId) => ({ filmId, genreId: g.id })) });
    expect(await both("documentary")).toEqual({ stored: before + 2, counted: before + 2 });
    await db.prisma.film.update({ where: { id: ids[0]! }, data: { published: true } });
    expect(await stored("documentary")).toBe(before + 3);
    await db.prisma.film.deleteMany({ where: { id: { in: ids } } });
    expect(await both("documentary")).toEqual({ stored: before, counted: before });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("reports a count that disagrees with the rows, and refuses a negative one", async () => {
    const g = await db.prisma.genre.findUniqueOrThrow({ where: { slug: "drama" } });
    await db.prisma.genre.update({ where: { id: g.id }, data: { filmCount: { increment: 1 } } });
    const drift = await findCounterDrift(db.prisma);
    expect(drift).toEqual([{ table: "Genre", id: g.id, column: "filmCount", stored: (await counted("drama")) + 1, actual: await counted("drama") }]);
    await db.prisma.genre.update({ where: { id: g.id }, data: { filmCount: { decrement: 1 } } });
    await expect(db.prisma.genre.update({ where: { id: g.id }, data: { filmCount: -1 } })).rejects.toThrow();
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });
});
