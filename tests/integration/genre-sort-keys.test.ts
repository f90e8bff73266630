// A genre's links carry their film's sort keys (published, reviewCount, ratingSum,
// releaseDate; migration genre_sort_keys), copied by triggers, so a genre page is a range
// of a FilmGenre index. These tests hold the copies to the films' own columns through every
// write that moves them, and the genre lists to the order the films' rows give.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { findCounterDrift, repairCounterDrift } from "@/lib/data/integrity";
import { listFilms, loadGenreRows, type CatalogFilm } from "@/lib/data/film-lists";
import { loadSimilarFilms } from "@/lib/data/films";
import { moderateReview, saveReview } from "@/lib/data/review-writes";
import { createUserWithPassword } from "@/lib/data/users";
import type { Actor } from "@/lib/auth/actor";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
let n = 0;
async function person(role: "MEMBER" | "ADMIN" = "MEMBER"): Promise<NonNullable<Actor>> {
  n += 1;
  const r = await createUserWithPassword({ name: `Keys ${n}`, email: `keys${n}-${Date.now()}@example.test`, password: "correct horse battery" });
  if (!r.ok) throw new Error("could not create member");
  if (role !== "MEMBER") await db.prisma.user.update({ where: { id: r.user.id }, data: { role } });
  return { id: r.user.id, role };
}

/** Links whose copy differs from their film's columns (none when the triggers keep up). */
async function stale(): Promise<unknown[]> {
  return db.prisma.$queryRawUnsafe(`
    SELECT fg."filmId", fg."genreId" FROM "FilmGenre" fg JOIN "Film" f ON f.id = fg."filmId"
    WHERE (fg.published, fg."reviewCount", fg."ratingSum", fg."releaseDate") IS DISTINCT FROM (f.published, f."reviewCount", f."ratingSum", f."releaseDate")`);
}

async function linkOf(filmId: string) {
  const rows = await db.prisma.$queryRawUnsafe<{ published: boolean; reviewCount: number; ratingSum: number; releaseDate: Date }[]>(
    `SELECT published, "reviewCount", "ratingSum", "releaseDate" FROM "FilmGenre" WHERE "filmId" = $1`,
    filmId,
  );
  return rows.map((r) => ({
    ...r,
    reviewCount: Number(r.reviewCount),
    ratingSum: Number(r.ratingSum),
    releaseDate: new Date(r.releaseDate).toISOString().slice(0, 10),
  }));
}

type Row = { id: string; slug: string; reviewCount: number; ratingSum: number; releaseDate: Date; published: boolean };
/** A genre's films in each order, from the films' own rows (not the links' copies). */
async function expected(genreSlug: string, sort: "popular" | "newest" | "top"): Promise<string[]> {
  const films = await db.prisma.film.findMany({
    where: { published: true, genres: { some: { genre: { slug: genreSlug } } } },
    select: { id: true, slug: true, reviewCount: true, ratingSum: true, releaseDate: true, published: true },
  });
  // the prior of lib/ranking.ts written out: 10 ratings of 3.75
  const score = (f: Row) => (f.ratingSum + 37.5) / (f.reviewCount + 10);
  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cmp: Record<typeof sort, (a: Row, b: Row) => number> = {
    popular: (a, b) => b.reviewCount - a.reviewCount || -byId(a, b),
    newest: (a, b) => b.releaseDate.getTime() - a.releaseDate.getTime() || byId(a, b),
    top: (a, b) => score(b) - score(a) || b.reviewCount - a.reviewCount || -byId(a, b),
  };
  return films.sort(cmp[sort]).map((f) => f.slug);
}

/** Every page of a genre list, walked by its cursors. */
async function walk(genreId: string, sort: "popular" | "newest" | "top", limit: number): Promise<string[]> {
  const out: CatalogFilm[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listFilms({ sort, genreId, limit, cursor });
    out.push(...page.items);
    if (!page.next) break;
    cursor = page.next;
  }
  return out.map((f) => f.slug);
}

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`genre links' sort keys on ${ENGINE}`, () => {
  it("start equal to their films' after the seed, and db:check compares them", async () => {
    expect(await stale()).toEqual([]);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
    // a copy set wrong by hand is reported, column by column
    const link = await db.prisma.filmGenre.findFirstOrThrow({ select: { filmId: true, genreId: true } });
    await db.prisma.$executeRawUnsafe(
      `UPDATE "FilmGenre" SET "reviewCount" = "reviewCount" + 7 WHERE "filmId" = $1 AND "genreId" = $2`,
      link.filmId,
      link.genreId,
    );
    const drift = await findCounterDrift(db.prisma);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ table: "FilmGenre", id: `${link.filmId}/${link.genreId}`, column: "reviewCount" });
    expect(drift[0]!.stored - drift[0]!.actual).toBe(7);
    await db.prisma.$executeRawUnsafe(
      `UPDATE "FilmGenre" SET "reviewCount" = "reviewCount" - 7 WHERE "filmId" = $1 AND "genreId" = $2`,
      link.filmId,
      link.genreId,
    );
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("follow a review saved and hidden, the film withdrawn, re-dated and published, and a new link", async () => {
    const film = await db.prisma.film.findUniqueOrThrow({ where: { slug: "paddington-2" }, select: { id: true, reviewCount: true, ratingSum: true } });
    const before = await linkOf(film.id);
    expect(before.length).toBeGreaterThan(0);

    const author = await person();
    expect((await saveReview(author, { filmId: film.id, rating: 2, body: "Copied to every genre." })).ok).toBe(true);
    for (const l of await linkOf(film.id)) expect(l).toMatchObject({ reviewCount: film.reviewCount + 1, ratingSum: film.ratingSum + 2 });

    const admin = await person("ADMIN");
    const review = await db.prisma.review.findFirstOrThrow({ where: { userId: author.id } });
    expect((await moderateReview(admin, { reviewId: review.id, decision: "hide" })).ok).toBe(true);
    for (const l of await linkOf(film.id)) expect(l).toMatchObject({ reviewCount: film.reviewCount, ratingSum: film.ratingSum });

    await db.prisma.film.update({ where: { id: film.id }, data: { published: false, releaseDate: new Date("1999-12-31") } });
    for (const l of await linkOf(film.id)) expect(l).toMatchObject({ published: false, releaseDate: "1999-12-31" });
    await db.prisma.film.update({ where: { id: film.id }, data: { published: true } });
    for (const l of await linkOf(film.id)) expect(l.published).toBe(true);

    // a link made later takes the film's keys; one pointed at another film takes that film's
    const other = await db.prisma.genre.findFirstOrThrow({ where: { films: { none: { filmId: film.id } } } });
    await db.prisma.filmGenre.create({ data: { filmId: film.id, genreId: other.id } });
    const made = await linkOf(film.id);
    expect(made).toHaveLength(before.length + 1);
    for (const l of made) expect(l).toMatchObject({ reviewCount: film.reviewCount, ratingSum: film.ratingSum, releaseDate: "1999-12-31" });
    const target = await db.prisma.film.findFirstOrThrow({
      where: { id: { not: film.id }, genres: { none: { genreId: other.id } }, reviewCount: { gt: 0 } },
      select: { id: true, reviewCount: true },
    });
    await db.prisma.filmGenre.update({ where: { filmId_genreId: { filmId: film.id, genreId: other.id } }, data: { filmId: target.id } });
    const moved = (await linkOf(target.id)).find((l) => l.reviewCount === target.reviewCount);
    expect(moved).toBeDefined();
    expect(await stale()).toEqual([]);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("give every genre's lists, paged by cursor, in the order the films' own rows give", async () => {
    const genres = await db.prisma.genre.findMany({ where: { filmCount: { gte: 3 } }, select: { id: true, slug: true } });
    expect(genres.length).toBeGreaterThan(3);
    for (const g of genres) {
      for (const sort of ["popular", "newest", "top"] as const) {
        expect(await walk(g.id, sort, 2)).toEqual(await expected(g.slug, sort));
      }
    }
  });

  it("keep a withdrawn film out of its genres' pages, the home rows, similar films and top of the catalog", async () => {
    // the best-rated film with reviews: first in "top" of the catalog and of its genres
    const best = (await listFilms({ sort: "top", limit: 1 })).items[0]!;
    const genre = await db.prisma.genre.findFirstOrThrow({ where: { films: { some: { filmId: best.id } } } });
    expect((await listFilms({ sort: "top", genreId: genre.id, limit: 50 })).items.map((f) => f.slug)).toContain(best.slug);
    await db.prisma.film.update({ where: { id: best.id }, data: { published: false } });
    try {
      expect((await listFilms({ sort: "top", limit: 100 })).items.map((f) => f.slug)).not.toContain(best.slug);
      expect((await listFilms({ sort: "popular", limit: 100 })).items.map((f) => f.slug)).not.toContain(best.slug);
      for (const sort of ["popular", "newest", "top"] as const) {
        expect(await walk(genre.id, sort, 5)).toEqual(await expected(genre.slug, sort));
        expect(await walk(genre.id, sort, 5)).not.toContain(best.slug);
      }
      expect((await loadGenreRows(100, 1)).flatMap((r) => r.films.map((f) => f.slug))).not.toContain(best.slug);
      const sibling = await db.prisma.filmGenre.findFirstOrThrow({ where: { genreId: genre.id, filmId: { not: best.id } } });
      expect((await loadSimilarFilms(sibling.filmId, 100)).map((f) => f.slug)).not.toContain(best.slug);
    } finally {
      await db.prisma.film.update({ where: { id: best.id }, data: { published: true } });
    }
    expect(await walk(genre.id, "top", 5)).toEqual(await expected(genre.slug, "top"));
  });

  it("db:check --repair sets every drifted counter from its rows, and a genre's film can be deleted again", async () => {
    expect(await repairCounterDrift(db.prisma)).toEqual({ Film: 0, Review: 0, FilmGenre: 0, Genre: 0 });
    const film = await db.prisma.film.findFirstOrThrow({ where: { reviewCount: { gt: 1 } }, select: { id: true } });
    const review = await db.prisma.review.findFirstOrThrow({ where: { helpfulYes: { gt: 0 } }, select: { id: true } });
    const genre = await db.prisma.genre.findFirstOrThrow({ where: { filmCount: { gt: 0 } }, select: { id: true, slug: true } });
    // drift of every kind, written past the triggers' backs (session_replication_role = replica skips them)
    await db.prisma.$transaction([
      db.prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      db.prisma.$executeRawUnsafe(
        `UPDATE "Film" SET "reviewCount" = "reviewCount" + 3, rating5 = rating5 + 3, "ratingSum" = "ratingSum" + 15 WHERE id = $1`,
        film.id,
      ),
      db.prisma.$executeRawUnsafe(`UPDATE "Review" SET "helpfulYes" = "helpfulYes" + 2, "reportCount" = "reportCount" + 1 WHERE id = $1`, review.id),
      db.prisma.$executeRawUnsafe(`UPDATE "FilmGenre" SET "ratingSum" = "ratingSum" - 1 WHERE "genreId" = $1`, genre.id),
      db.prisma.$executeRawUnsafe(`UPDATE "Genre" SET "filmCount" = 0 WHERE id = $1`, genre.id),
    ]);
    const tables = new Set((await findCounterDrift(db.prisma)).map((d) => d.table));
    expect([...tables].sort()).toEqual(["Film", "FilmGenre", "Genre", "Review"]);
    // a genre counted at 0 cannot lose a film: its CHECK stops the delete until repaired
    const victim = await db.prisma.film.create({
      data: {
        slug: "repair-victim",
        title: "Repair Victim",
        year: 2000,
        releaseDate: new Date("2000-01-01"),
        runtimeMinutes: 80,
        synopsis: "s",
        contentRating: "PG",
      },
    });
    await db.prisma.$transaction([
      db.prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      db.prisma.$executeRawUnsafe(`INSERT INTO "FilmGenre" ("filmId", "genreId") VALUES ($1, $2)`, victim.id, genre.id),
    ]);
    await expect(db.prisma.film.delete({ where: { id: victim.id } })).rejects.toThrow();

    const fixed = await repairCounterDrift(db.prisma);
    expect(fixed.Film).toBe(1);
    expect(fixed.Review).toBe(1);
    expect(fixed.Genre).toBe(1);
    expect(fixed.FilmGenre).toBeGreaterThan(0);
    expect(await findCounterDrift(db.prisma)).toEqual([]);
    expect(await stale()).toEqual([]);
    await db.prisma.film.delete({ where: { id: victim.id } });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
    expect(await repairCounterDrift(db.prisma)).toEqual({ Film: 0, Review: 0, FilmGenre: 0, Genre: 0 });
  });
});
