import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { listFilms, loadGenreRows, loadNewReleases, loadTopRated, type CatalogFilm } from "@/lib/data/film-lists";
import { loadGenreBySlug, loadGenres } from "@/lib/data/genres";
import { loadSitemapData } from "@/lib/data/sitemap";
import { encodeCursor, encodeFilmCursor } from "@/lib/keyset/cursor";
import { bayesianScore } from "@/lib/ranking";
import { FILM_SORTS, type FilmSort } from "@/lib/validation/catalog";
import { apiErrorSchema, filmDetailResponseSchema, filmListResponseSchema, reviewListResponseSchema, type ApiError } from "@/lib/validation/api";
import { GET as getFilms } from "@/app/api/films/route";
import { GET as getFilm } from "@/app/api/films/[slug]/route";
import { GET as getReviews } from "@/app/api/films/[slug]/reviews/route";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";
import { countQueries, type QueryCounter } from "../helpers/query-counter";

let db: TestDb;
let queries: QueryCounter;

type Counters = { id: string; slug: string; releaseDate: Date; reviewCount: number; ratingSum: number; genres: string[] };
let films: Counters[];

beforeAll(async () => {
  db = await openTestDb();
  queries = countQueries(db.opened);
  await seed(db.prisma);
  const rows = await db.prisma.film.findMany({
    select: { id: true, slug: true, releaseDate: true, reviewCount: true, ratingSum: true, genres: { select: { genre: { select: { slug: true } } } } },
  });
  films = rows.map((r) => ({ ...r, genres: r.genres.map((g) => g.genre.slug) }));
});
afterAll(async () => db?.dispose());

/** The Bayesian average written out independently of lib/ranking: 10 ratings of 3.75 as the prior. */
const score = (f: { reviewCount: number; ratingSum: number }) => (10 * 3.75 + f.ratingSum) / (10 + f.reviewCount);
const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each sort's order, written out from the counters. */
function expected(sort: FilmSort, list: Counters[]): string[] {
  const sorted = [...list].sort((a, b) => {
    if (sort === "popular") return b.reviewCount - a.reviewCount || cmp(b.id, a.id);
    if (sort === "newest") return b.releaseDate.getTime() - a.releaseDate.getTime() || cmp(a.id, b.id);
    return score(b) - score(a) || b.reviewCount - a.reviewCount || cmp(b.id, a.id);
  });
  return sorted.map((f) => f.slug);
}

const slugs = (items: CatalogFilm[]) => items.map((f) => f.slug);

describe(`home rows on ${ENGINE}`, () => {
  it("lists new releases by release date, in one query", async () => {
    queries.reset();
    const rows = await loadNewReleases(12);
    expect(queries.count).toBe(1);
    expect(slugs(rows)).toEqual(expected("newest", films).slice(0, 12));
    expect(rows[0]!.releaseDate >= rows[11]!.releaseDate).toBe(true);
  });

  it("ranks top rated by the Bayesian average of the counters, in one query", async () => {
    queries.reset();
    const rows = await loadTopRated(12);
    expect(queries.count).toBe(1);
    expect(slugs(rows)).toEqual(expected("top", films).slice(0, 12));
    // The raw average would put a 5.0 from two reviews first; the prior does not.
    const byRawAverage = [...films].sort((a, b) => b.ratingSum / b.reviewCount - a.ratingSum / a.reviewCount);
    expect(byRawAverage[0]!.reviewCount).toBeLessThanOrEqual(2);
    expect(rows[0]!.slug).not.toBe(byRawAverage[0]!.slug);
    const all = slugs((await listFilms({ sort: "top", limit: 100 })).items);
    expect(all.indexOf("the-work")).toBeLessThan(all.indexOf(byRawAverage[0]!.slug));
  });

  it("makes a row of the most popular films of each genre with at least 3 films, in one query", async () => {
    queries.reset();
    const rows = await loadGenreRows(12, 3);
    expect(queries.count).toBe(1);
    const genres = await loadGenres();
    const big = genres.filter((g) => g.filmCount >= 3);
    expect(rows.map((r) => r.genre.slug).sort()).toEqual(big.map((g) => g.slug).sort());
    expect(rows.length).toBeGreaterThanOrEqual(8);
    // biggest genres first
    const counts = rows.map((r) => r.genre.filmCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    for (const row of rows) {
      const members = films.filter((f) => f.genres.includes(row.genre.slug));
      expect(row.genre.filmCount).toBe(members.length);
      expect(slugs(row.films)).toEqual(expected("popular", members).slice(0, 12));
    }
  });

  it("reads only the biggest genres' rows when asked for fewer (the home page's ten)", async () => {
    const all = await loadGenreRows(4, 1);
    expect(all.length).toBeGreaterThan(5);
    queries.reset();
    const five = await loadGenreRows(4, 1, 5);
    expect(queries.count).toBe(1);
    expect(five).toEqual(all.slice(0, 5));
  });

  it("has no genre rows under the minimum", async () => {
    const rows = await loadGenreRows(12, 1000);
    expect(rows).toEqual([]);
  });
});

describe(`genre lists on ${ENGINE}`, () => {
  it("finds a genre by slug with its film count", async () => {
    const drama = await loadGenreBySlug("drama");
    expect(drama).toMatchObject({ slug: "drama", name: "Drama" });
    expect(drama!.filmCount).toBe(films.filter((f) => f.genres.includes("drama")).length);
    expect(await loadGenreBySlug("no-such-genre")).toBeNull();
  });

  for (const genre of ["drama", "documentary", null] as const) {
    for (const sort of FILM_SORTS) {
      it(`walks ${genre ?? "the whole catalog"} by "${sort}" forward and back in pages of 5 without gaps or repeats`, async () => {
        const genreId = genre ? (await loadGenreBySlug(genre))!.id : undefined;
        const want = expected(sort, genre ? films.filter((f) => f.genres.includes(genre)) : films);
        const pages: string[][] = [];
        const cursors: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          queries.reset();
          const p = await listFilms({ sort, genreId, cursor, limit: 5 });
          expect(queries.count).toBe(1);
          pages.push(slugs(p.items));
          if (pages.length === 1) expect(p.prev).toBeNull();
          else expect(p.prev).not.toBeNull();
          if (!p.next) break;
          cursor = p.next;
          cursors.push(cursor);
        }
        expect(pages.flat()).toEqual(want);
        expect(pages).toHaveLength(Math.ceil(want.length / 5));
        if (pages.length < 2) return;
        let back = await listFilms({ sort, genreId, cursor: cursors[cursors.length - 1], limit: 5 });
        for (let i = pages.length - 2; i >= 0; i--) {
          back = await listFilms({ sort, genreId, cursor: back.prev!, dir: "prev", limit: 5 });
          expect(slugs(back.items)).toEqual(pages[i]);
        }
        expect(back.prev).toBeNull();
      });
    }
  }

  it("scores top rated by the films' generated topKey, equal to the formula of lib/ranking", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ slug: string; topKey: number }[]>(`SELECT slug, "topKey" FROM "Film"`);
    const bySlug = new Map(films.map((f) => [f.slug, f]));
    for (const r of rows) {
      expect(Number(r.topKey)).toBe(score(bySlug.get(r.slug)!));
      expect(Number(r.topKey)).toBe(bayesianScore(bySlug.get(r.slug)!.ratingSum, bySlug.get(r.slug)!.reviewCount));
    }
  });

  it("starts top rated over from a cursor that still carries a catalog mean (the format before the fixed prior)", async () => {
    const first = await listFilms({ sort: "top", limit: 5 });
    const last = first.items[4]!;
    const old = encodeCursor({ v: [score(last), last.reviewCount, 3.9], id: last.id });
    expect(slugs((await listFilms({ sort: "top", cursor: old, limit: 5 })).items)).toEqual(expected("top", films).slice(0, 5));
    const current = encodeFilmCursor({ sort: "top", score: score(last), reviewCount: last.reviewCount, id: last.id });
    const want = expected("top", films);
    expect(slugs((await listFilms({ sort: "top", cursor: current, limit: 100 })).items)).toEqual(want.slice(5));
  });

  it("ignores a cursor of another sort and a malformed one", async () => {
    const popular = await listFilms({ sort: "popular", limit: 5 });
    const fromPopular = await listFilms({ sort: "newest", cursor: popular.next!, limit: 5 });
    expect(slugs(fromPopular.items)).toEqual(expected("newest", films).slice(0, 5));
    expect(fromPopular.prev).toBeNull();
    const garbage = await listFilms({ sort: "top", cursor: "bm90LWpzb24", limit: 5 });
    expect(slugs(garbage.items)).toEqual(expected("top", films).slice(0, 5));
  });

  it("filters titles by a case-insensitive substring, escaping LIKE patterns", async () => {
    const work = await listFilms({ sort: "popular", q: "wORk", limit: 50 });
    expect(slugs(work.items)).toContain("the-work");
    expect(work.items.every((f) => f.title.toLowerCase().includes("work"))).toBe(true);
    expect((await listFilms({ sort: "popular", q: "%", limit: 50 })).items).toEqual([]);
    expect((await listFilms({ sort: "popular", q: "_", limit: 50 })).items).toEqual([]);
    const drama = (await loadGenreBySlug("drama"))!;
    const both = await listFilms({ sort: "newest", q: "the", genreId: drama.id, limit: 50 });
    expect(both.items.length).toBeGreaterThan(0);
    for (const f of both.items) {
      expect(f.title.toLowerCase()).toContain("the");
      expect(films.find((x) => x.slug === f.slug)!.genres).toContain("drama");
    }
  });

  it("lists every film and genre for the sitemap", async () => {
    const s = await loadSitemapData();
    expect(s.films.map((f) => f.slug).sort()).toEqual(films.map((f) => f.slug).sort());
    expect(s.films.every((f) => !Number.isNaN(Date.parse(f.updatedAt)))).toBe(true);
    expect(s.genres.map((g) => g.slug)).toContain("documentary");
    expect(s.genres.length).toBe((await loadGenres()).length);
  });
});

// ---------- the public API, through its route handlers ----------

const BASE = "http://localhost:3000";
const call = async (handler: (req: Request, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>, path: string, slug = "") => {
  const res = await handler(new Request(BASE + path), { params: Promise.resolve({ slug }) });
  const body: unknown = await res.json();
  return { res, body };
};
const films$ = (path: string) => call((req) => getFilms(req), path);
const film$ = (slug: string, path = `/api/films/${slug}`) => call(getFilm, path, slug);
const reviews$ = (slug: string, qs = "") => call(getReviews, `/api/films/${slug}/reviews${qs}`, slug);

function expectError(r: { res: Response; body: unknown }, status: number, field?: string) {
  expect(r.res.status).toBe(status);
  expect(r.res.headers.get("content-type")).toMatch(/^application\/json/);
  const body: ApiError = apiErrorSchema.parse(r.body);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (field) expect(Object.keys(body.error.fields)).toContain(field);
  return body;
}

describe(`public API on ${ENGINE}`, () => {
  it("lists films with cursors, cache headers and the documented shape", async () => {
    const { res, body } = await films$("/api/films?limit=5");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const page = filmListResponseSchema.strict().parse(body);
    expect(page.data.map((f) => f.slug)).toEqual(expected("popular", films).slice(0, 5));
    expect(page.prevCursor).toBeNull();
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(Object.keys(page.data[0]!).sort()).toEqual(["rating", "releaseDate", "runtimeMinutes", "slug", "title", "url", "year"]);
    expect(page.data[0]!.url).toMatch(/^https?:\/\/.+\/films\//);

    const next = filmListResponseSchema.parse((await films$(`/api/films?limit=5&cursor=${page.nextCursor}`)).body);
    expect(next.data.map((f) => f.slug)).toEqual(expected("popular", films).slice(5, 10));
    const back = filmListResponseSchema.parse((await films$(`/api/films?limit=5&cursor=${next.prevCursor}&dir=prev`)).body);
    expect(back.data).toEqual(page.data);
    expect(back.prevCursor).toBeNull();
  });

  it("filters by genre and title and sorts by rating", async () => {
    const top = filmListResponseSchema.parse((await films$("/api/films?genre=drama&sort=top&limit=50")).body);
    expect(top.data.map((f) => f.slug)).toEqual(
      expected(
        "top",
        films.filter((f) => f.genres.includes("drama")),
      ),
    );
    expect(top.nextCursor).toBeNull();
    const q = filmListResponseSchema.parse((await films$("/api/films?q=%20the%20WORK%20")).body);
    expect(q.data.map((f) => f.slug)).toEqual(["the-work"]);
    expect(q.data[0]!.rating.count).toBe(23);
    expect(q.data[0]!.rating.average).toBeCloseTo(films.find((f) => f.slug === "the-work")!.ratingSum / 23, 1);
    const none = filmListResponseSchema.parse((await films$("/api/films?q=zzzzzz")).body);
    expect(none).toEqual({ data: [], nextCursor: null, prevCursor: null });
    const extra = await films$("/api/films?utm_source=x&limit=2");
    expect(extra.res.status).toBe(200);
  });

  it("answers 400 with the problem per parameter", async () => {
    expectError(await films$("/api/films?sort=loudest"), 400, "sort");
    expectError(await films$("/api/films?limit=0"), 400, "limit");
    expectError(await films$("/api/films?limit=51"), 400, "limit");
    expectError(await films$("/api/films?limit=2.5"), 400, "limit");
    expectError(await films$(`/api/films?q=${"a".repeat(101)}`), 400, "q");
    expectError(await films$("/api/films?cursor=%3Cscript%3E"), 400, "cursor");
    expectError(await films$("/api/films?cursor=bm90LWpzb24"), 400, "cursor");
    expectError(await films$("/api/films?dir=sideways"), 400, "dir");
    expectError(await films$("/api/films?genre=Not_A_Slug"), 400, "genre");
    expectError(await films$("/api/films?genre=no-such-genre"), 400, "genre");
    const popular = filmListResponseSchema.parse((await films$("/api/films?limit=2")).body);
    const wrongSort = expectError(await films$(`/api/films?sort=newest&cursor=${popular.nextCursor}`), 400, "cursor");
    expect(wrongSort.error.fields.cursor![0]).toMatch(/sort/);
    const bad = await films$("/api/films?sort=loudest&limit=0");
    expect(bad.res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(expectError(bad, 400).error.fields).sort()).toEqual(["limit", "sort"]);
  });

  it("shows one film with its rating summary", async () => {
    const { res, body } = await film$("the-work");
    expect(res.status).toBe(200);
    const { data } = filmDetailResponseSchema.strict().parse(body);
    expect(data).toMatchObject({ slug: "the-work", title: "The Work", year: 2017, runtimeMinutes: 89, releaseDate: "2017-10-27" });
    expect(data.genres).toContainEqual({ slug: "documentary", name: "Documentary" });
    expect(data.rating.count).toBe(23);
    expect(data.rating.histogram.map((h) => h.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(data.rating.histogram.reduce((a, h) => a + h.percent, 0)).toBe(100);
    expect(data.rating.histogram.reduce((a, h) => a + h.count, 0)).toBe(23);
    expect(data.rating.average).toBe(Math.round((films.find((f) => f.slug === "the-work")!.ratingSum / 23) * 10) / 10);
    expect(data.links.reviews).toMatch(/\/api\/films\/the-work\/reviews$/);
  });

  it("answers 404 in JSON for an unknown film", async () => {
    expectError(await film$("no-such-film"), 404);
    expectError(await film$("Not A Slug", "/api/films/Not%20A%20Slug"), 404);
    expectError(await reviews$("no-such-film"), 404);
  });

  it("pages a film's reviews with the review page's sorts and filters", async () => {
    const { res, body } = await reviews$("the-work");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=300");
    const first = reviewListResponseSchema.strict().parse(body);
    expect(first.data).toHaveLength(10);
    expect(first.prevCursor).toBeNull();
    const seen = [...first.data];
    let cursor = first.nextCursor;
    while (cursor) {
      const p = reviewListResponseSchema.parse((await reviews$("the-work", `?cursor=${cursor}`)).body);
      seen.push(...p.data);
      cursor = p.nextCursor;
    }
    expect(new Set(seen.map((r) => r.id)).size).toBe(23);

    const fives = reviewListResponseSchema.parse((await reviews$("the-work", "?sort=newest&rating=5&limit=50")).body);
    expect(fives.data.length).toBeGreaterThan(10);
    expect(fives.data.every((r) => r.rating === 5)).toBe(true);
    const dates = fives.data.map((r) => r.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(fives.data.some((r) => r.authorName === null)).toBe(true);

    const p1 = reviewListResponseSchema.parse((await reviews$("the-work", "?sort=lowest&limit=4")).body);
    const p2 = reviewListResponseSchema.parse((await reviews$("the-work", `?sort=lowest&limit=4&cursor=${p1.nextCursor}`)).body);
    const b1 = reviewListResponseSchema.parse((await reviews$("the-work", `?sort=lowest&limit=4&cursor=${p2.prevCursor}&dir=prev`)).body);
    expect(b1.data.map((r) => r.id)).toEqual(p1.data.map((r) => r.id));
  });

  it("answers 400 for bad review parameters", async () => {
    expectError(await reviews$("the-work", "?sort=loudest"), 400, "sort");
    expectError(await reviews$("the-work", "?rating=0"), 400, "rating");
    expectError(await reviews$("the-work", "?rating=6"), 400, "rating");
    expectError(await reviews$("the-work", "?rating=2.5"), 400, "rating");
    expectError(await reviews$("the-work", "?limit=100"), 400, "limit");
    expectError(await reviews$("the-work", "?cursor=%21%21"), 400, "cursor");
    expectError(await reviews$("the-work", "?cursor=bm90LWpzb24"), 400, "cursor");
    const newest = reviewListResponseSchema.parse((await reviews$("the-work", "?sort=newest&limit=3")).body);
    expectError(await reviews$("the-work", `?sort=helpful&cursor=${newest.nextCursor}`), 400, "cursor");
    expect((await reviews$("the-work", "?rating=all&foo=bar")).res.status).toBe(200);
  });
});
