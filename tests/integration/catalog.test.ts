import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { catalog } from "@/prisma/seed/catalog";
import { findCounterDrift } from "@/lib/data/integrity";
import { loadFilmBySlug, loadSimilarFilms } from "@/lib/data/films";
import { listReviews, SORT_COLUMNS, type ReviewItem as ReviewCard } from "@/lib/data/reviews";
import { summarize } from "@/lib/ratings";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";
import { loadAllFilmCards } from "../helpers/films";
import { countQueries, type QueryCounter } from "../helpers/query-counter";

let db: TestDb;
let queries: QueryCounter;

beforeAll(async () => {
  db = await openTestDb();
  queries = countQueries(db.opened);
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`seed catalog on ${ENGINE}`, () => {
  it("reads every film's page facts in one statement, the same as the rows say", async () => {
    const rows = await db.prisma.film.findMany({
      include: {
        genres: { include: { genre: true } },
        credits: { include: { person: true }, orderBy: [{ role: "asc" }, { position: "asc" }] },
        captions: { orderBy: { lang: "asc" } },
      },
    });
    expect(rows.length).toBeGreaterThan(40);
    for (const f of rows) {
      queries.reset();
      const got = await loadFilmBySlug(f.slug);
      expect(queries.count).toBe(1);
      if (!f.published) {
        expect(got).toBeNull();
        continue;
      }
      expect(got).toEqual({
        id: f.id,
        slug: f.slug,
        title: f.title,
        year: f.year,
        releaseDate: f.releaseDate.toISOString().slice(0, 10),
        runtimeMinutes: f.runtimeMinutes,
        tagline: f.tagline,
        synopsis: f.synopsis,
        contentRating: f.contentRating,
        trailerPath: f.trailerPath,
        posterPath: f.posterPath,
        captions: f.captions.map((c) => ({ lang: c.lang, label: c.label, kind: c.kind, version: c.version })),
        genres: f.genres.map((g) => ({ slug: g.genre.slug, name: g.genre.name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        directors: f.credits.filter((c) => c.role === "DIRECTOR").map((c) => c.person.name),
        cast: f.credits.filter((c) => c.role === "CAST").map((c) => ({ name: c.person.name, character: c.character })),
        reviewCount: f.reviewCount,
        ratingSum: f.ratingSum,
        counts: { 1: f.rating1, 2: f.rating2, 3: f.rating3, 4: f.rating4, 5: f.rating5 },
        updatedAt: f.updatedAt.toISOString(),
      });
    }
    // hostile slugs are simply not found
    for (const slug of ["nope", "it's", "back\\slash", "nul\0byte", "%", "_"]) expect(await loadFilmBySlug(slug)).toBeNull();
  });

  it("has The Work with 23 reviews, mostly five stars", async () => {
    const film = await loadFilmBySlug("the-work");
    expect(film).not.toBeNull();
    expect(film!.title).toBe("The Work");
    expect(film!.year).toBe(2017);
    expect(film!.runtimeMinutes).toBe(89);
    expect(film!.genres.map((g) => g.name)).toContain("Documentary");
    expect(film!.reviewCount).toBe(23);
    expect(film!.counts[5]).toBeGreaterThan(film!.counts[4] + film!.counts[3]);
    expect(film!.counts[4]).toBeGreaterThan(0);
    expect(film!.counts[3]).toBeGreaterThan(0);
    const s = summarize(film!.counts);
    expect(s.histogram.reduce((a, h) => a + h.percent, 0)).toBe(100);
  });

  it("has at least 40 other films over at least 8 genres, each with reviews", async () => {
    const films = await loadAllFilmCards();
    expect(films.length).toBeGreaterThanOrEqual(41);
    expect(films.every((f) => f.reviewCount > 0)).toBe(true);
    const genres = await db.prisma.genre.findMany({ include: { _count: { select: { films: true } } } });
    expect(genres.filter((g) => g._count.films > 0).length).toBeGreaterThanOrEqual(8);
  });

  it("keeps every counter equal to its rows", async () => {
    expect(await findCounterDrift(db.prisma)).toEqual([]);
    const votes = await db.prisma.helpfulVote.count();
    expect(votes).toBeGreaterThan(100);
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const before = {
      films: await db.prisma.film.count(),
      reviews: await db.prisma.review.count(),
      votes: await db.prisma.helpfulVote.count(),
      users: await db.prisma.user.count(),
      work: await loadFilmBySlug("the-work"),
    };
    await seed(db.prisma);
    expect(await db.prisma.film.count()).toBe(before.films);
    expect(await db.prisma.review.count()).toBe(before.reviews);
    expect(await db.prisma.helpfulVote.count()).toBe(before.votes);
    expect(await db.prisma.user.count()).toBe(before.users);
    const after = await loadFilmBySlug("the-work");
    expect({ ...after, updatedAt: "" }).toEqual({ ...before.work, updatedAt: "" });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("shows anonymous reviews without a name", async () => {
    const film = (await loadFilmBySlug("the-work"))!;
    const page = await listReviews({ filmId: film.id, filmSlug: film.slug, sort: "newest", limit: 50 });
    const anonymousInSeed = catalog[0]!.reviews.filter((r) => r.anonymous).length;
    expect(anonymousInSeed).toBeGreaterThan(0);
    expect(page.items.filter((r) => r.authorName === null)).toHaveLength(anonymousInSeed);
  });

  it("finds similar films by shared genre", async () => {
    const film = (await loadFilmBySlug("the-work"))!;
    const similar = await loadSimilarFilms(film.id);
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.map((s) => s.slug)).not.toContain("the-work");
  });
});

// ---------- review list: every sort, filter and keyset page ----------

function expectedOrder(all: (ReviewCard & { score: number })[], sort: keyof typeof SORT_COLUMNS) {
  const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...all].sort((a, b) => {
    const byDateDesc = -cmp(a.createdAt, b.createdAt) || -cmp(a.id, b.id);
    if (sort === "helpful") return -cmp(a.score, b.score) || byDateDesc;
    if (sort === "newest") return byDateDesc;
    if (sort === "highest") return -cmp(a.rating, b.rating) || byDateDesc;
    return cmp(a.rating, b.rating) || byDateDesc;
  });
}

describe(`review list on ${ENGINE}`, () => {
  let filmId: string;
  let all: (ReviewCard & { score: number })[];

  beforeAll(async () => {
    const film = (await loadFilmBySlug("the-work"))!;
    filmId = film.id;
    const rows = await db.prisma.review.findMany({ where: { filmId, status: "VISIBLE" }, select: { id: true, helpfulScore: true } });
    const page = await listReviews({ filmId, filmSlug: "the-work", sort: "newest", limit: 100 });
    const score = new Map(rows.map((r) => [r.id, r.helpfulScore]));
    all = page.items.map((r) => ({ ...r, score: score.get(r.id)! }));
    expect(all).toHaveLength(23);
  });

  for (const sort of ["helpful", "newest", "highest", "lowest"] as const) {
    it(`walks "${sort}" forward and back in pages of 4 without gaps or repeats`, async () => {
      const want = expectedOrder(all, sort).map((r) => r.id);
      const pages: string[][] = [];
      const cursors: (string | undefined)[] = [undefined];
      let cursor: string | undefined;
      for (;;) {
        const p = await listReviews({ filmId, filmSlug: "the-work", sort, cursor, limit: 4 });
        pages.push(p.items.map((r) => r.id));
        if (pages.length === 1) expect(p.prev).toBeNull();
        else expect(p.prev).not.toBeNull();
        if (!p.next) break;
        cursor = p.next;
        cursors.push(cursor);
      }
      expect(pages.flat()).toEqual(want);
      expect(pages).toHaveLength(6);
      // back from the last page, one page at a time
      let back = await listReviews({ filmId, filmSlug: "the-work", sort, cursor: cursors[cursors.length - 1], limit: 4 });
      for (let i = pages.length - 2; i >= 0; i--) {
        back = await listReviews({ filmId, filmSlug: "the-work", sort, cursor: back.prev!, dir: "prev", limit: 4 });
        expect(back.items.map((r) => r.id)).toEqual(pages[i]);
      }
      expect(back.prev).toBeNull();
    });
  }

  it("filters by star value", async () => {
    for (const stars of [5, 4, 3, 2, 1]) {
      const p = await listReviews({ filmId, filmSlug: "the-work", sort: "helpful", rating: stars, limit: 100 });
      expect(p.items.every((r) => r.rating === stars)).toBe(true);
      expect(p.items).toHaveLength(all.filter((r) => r.rating === stars).length);
    }
  });

  it("ranks by confidence, not by raw count", async () => {
    const p = await listReviews({ filmId, filmSlug: "the-work", sort: "helpful", limit: 23 });
    const scores = p.items.map((r) => all.find((a) => a.id === r.id)!.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("treats a junk cursor as the first page", async () => {
    const first = await listReviews({ filmId, filmSlug: "the-work", sort: "newest", limit: 4 });
    const junk = await listReviews({ filmId, filmSlug: "the-work", sort: "newest", cursor: "garbage", limit: 4 });
    expect(junk.items).toEqual(first.items);
  });
});

describe(`film page cost on ${ENGINE}`, () => {
  it("makes the same number of queries for a film with 2 reviews and one with 23", async () => {
    const cost = async (slug: string) => {
      queries.reset();
      const film = (await loadFilmBySlug(slug))!;
      await Promise.all([listReviews({ filmId: film.id, filmSlug: slug, sort: "helpful", limit: 4 }), loadSimilarFilms(film.id)]);
      return queries.count;
    };
    const small = catalog.find((f) => f.reviews.length <= 3)!;
    const a = await cost("the-work");
    const b = await cost(small.slug);
    expect(a).toBe(b);
    expect(a).toBeLessThanOrEqual(8);
  });
});
