import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCatalog, importCatalog } from "@/lib/data/catalog-import";
import { loadFilmBySlug } from "@/lib/data/films";
import { listAudit } from "@/lib/data/audit";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
const sample = (ext: string) => fs.readFileSync(path.join(__dirname, "../../prisma/samples", `films.${ext}`), "utf8");
const lines = (text: string) => text.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "");

async function snapshot() {
  const p = db.prisma;
  return {
    films: await p.film.findMany({
      orderBy: { slug: "asc" },
      select: { id: true, slug: true, title: true, updatedAt: true, publisherId: true, synopsis: true },
    }),
    genres: await p.filmGenre.findMany({ orderBy: [{ filmId: "asc" }, { genreId: "asc" }] }),
    credits: await p.credit.findMany({ orderBy: { id: "asc" } }),
    people: await p.person.count(),
    publishers: await p.publisher.count(),
  };
}

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.dispose());

describe(`catalog import on ${ENGINE}`, () => {
  it("imports the sample JSON Lines file: films, genres, ordered credits, publisher", async () => {
    const r = await importCatalog(lines(sample("jsonl")), { format: "jsonl", source: "films.jsonl" });
    expect(r).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, rejected: [] });
    const f = await loadFilmBySlug("harbor-lights");
    expect(f).toMatchObject({ title: "Harbor Lights", year: 2021, releaseDate: "2021-09-17", runtimeMinutes: 97, contentRating: "PG-13" });
    expect(f!.genres.map((g) => g.name)).toEqual(["Drama", "Mystery"]);
    expect(f!.directors).toEqual(["Ilse Marwood"]);
    expect(f!.cast.map((c) => c.name)).toEqual(["Noor Haddad", "Petra Lindgren", "Osei Mensah"]);
    const film = await db.prisma.film.findUnique({ where: { slug: "harbor-lights" }, include: { publisher: true } });
    expect(film!.publisher!.name).toBe("Tidewater Pictures");
    const audit = await listAudit({ kind: "film.import" });
    expect(audit.items[0]!.summary).toMatch(/3 created/);
  });

  it("is idempotent: the same file again (JSON Lines, then the CSV twin) changes nothing", async () => {
    const before = await snapshot();
    const again = await importCatalog(lines(sample("jsonl")), { format: "jsonl" });
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: [] });
    const csv = await importCatalog(lines(sample("csv")), { format: "csv" });
    expect(csv).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, rejected: [] });
    expect(await snapshot()).toEqual(before);
  });

  it("exports the same format back", async () => {
    const out: string[] = [];
    for await (const l of exportCatalog("jsonl")) out.push(l);
    expect(`${out.join("\n")}\n`).toBe(sample("jsonl"));
    const csv: string[] = [];
    for await (const l of exportCatalog("csv")) csv.push(l);
    expect(`${csv.join("\n")}\n`).toBe(sample("csv"));
  });

  it("updates changed rows only, including a credit order change", async () => {
    const rows = lines(sample("jsonl")).map((l) => JSON.parse(l));
    rows[0].cast = ["Osei Mensah", "Noor Haddad", "Petra Lindgren"];
    rows[2].tagline = "A new tagline.";
    const r = await importCatalog(
      rows.map((x) => JSON.stringify(x)),
      { format: "jsonl" },
    );
    expect(r).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect((await loadFilmBySlug("harbor-lights"))!.cast.map((c) => c.name)).toEqual(["Osei Mensah", "Noor Haddad", "Petra Lindgren"]);
    expect((await loadFilmBySlug("the-long-table"))!.tagline).toBe("A new tagline.");
  });

  it("reports bad rows with their line numbers and reasons, and saves the good ones", async () => {
    const good = {
      slug: "good-one",
      title: "Good One",
      year: 2020,
      releaseDate: "2020-01-02",
      runtimeMinutes: 90,
      synopsis: "Fine.",
      contentRating: "PG",
      genres: ["Drama"],
    };
    const file = [
      JSON.stringify(good), // 1
      "{not json", // 2
      "", // 3 (blank: skipped)
      JSON.stringify({ ...good, slug: "no-title", title: "" }), // 4
      JSON.stringify({ ...good, slug: "bad-date", releaseDate: "2020-02-30" }), // 5
      JSON.stringify({ ...good }), // 6 duplicate slug
      JSON.stringify({ ...good, slug: "bad-rating", contentRating: "XXX", runtimeMinutes: -3 }), // 7
      JSON.stringify({ ...good, slug: "Bad Slug!" }), // 8
      JSON.stringify([1, 2]), // 9
    ];
    const r = await importCatalog(file, { format: "jsonl" });
    expect(r.rows).toBe(8);
    expect(r.created).toBe(1);
    expect(r.rejected.map((x) => x.line)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    const by = Object.fromEntries(r.rejected.map((x) => [x.line, x.reasons.join(" | ")]));
    expect(by[2]).toMatch(/JSON/);
    expect(by[4]).toMatch(/Title is required/);
    expect(by[5]).toMatch(/date does not exist/);
    expect(by[6]).toMatch(/already appears on line 1/);
    expect(by[7]).toMatch(/Content rating/);
    expect(by[7]).toMatch(/Runtime/);
    expect(by[8]).toMatch(/Slug/);
    expect(by[9]).toMatch(/object/);
    expect(await loadFilmBySlug("bad-date")).toBeNull();
  });

  it("reads CSV with quoted commas and new lines, and reports CSV errors by line", async () => {
    const csv = [
      "slug,title,year,releaseDate,runtimeMinutes,tagline,synopsis,contentRating,genres,directors,cast,publisher,published",
      'csv-one,"One, with a comma",2001,2001-05-05,100,,"Line one',
      'line two",R,Drama|Crime,A Director,,,true',
      "csv-two,Two,2002,2002-06-06,95,,Short.,PG",
      "csv-three,Three,1700,2002-06-06,95,,Short.,PG,Drama,,,,",
    ];
    const r = await importCatalog(csv, { format: "csv" });
    expect(r.created).toBe(1);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5]);
    expect(r.rejected[0]!.reasons[0]).toMatch(/Expected 13 fields/);
    expect(r.rejected[1]!.reasons.join()).toMatch(/Year/);
    const f = await loadFilmBySlug("csv-one");
    expect(f).toMatchObject({ title: "One, with a comma", synopsis: "Line one\nline two" });
  });

  it("--dry-run validates and writes nothing", async () => {
    const before = await snapshot();
    const r = await importCatalog(
      [
        JSON.stringify({
          slug: "dry-film",
          title: "Dry",
          year: 2020,
          releaseDate: "2020-01-01",
          runtimeMinutes: 80,
          synopsis: "x",
          contentRating: "G",
          genres: ["Drama"],
        }),
        "{",
      ],
      { format: "jsonl", dryRun: true },
    );
    expect(r).toMatchObject({ rows: 2, dryRun: true, created: 0 });
    expect(r.rejected.map((x) => x.line)).toEqual([2]);
    expect(await snapshot()).toEqual(before);
  });
});
