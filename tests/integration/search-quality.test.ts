// Search quality on the seeded catalog: for each query, the film that must come first.
// Typos, missing accents, swapped letters, people and genres, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { searchFilms, suggestFilms } from "@/lib/data/search";
import { foldForSearch } from "@/lib/validation/search";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

const search = (q: string, limit?: number) => searchFilms(foldForSearch(q), limit);

/** [query, slug that must come first, what it exercises] */
const FIRST: [string, string, string][] = [
  ["teh wrok", "the-work", "two swapped-letter words"],
  ["the work", "the-work", "exact title"],
  ["godfathr", "the-godfather", "missing letter, leading article left out"],
  ["shawshenk redemtion", "the-shawshank-redemption", "two misspelled words"],
  ["spirted away", "spirited-away", "missing letter"],
  ["amelie", "amelie", "no accent"],
  ["AMÉLIE", "amelie", "capitals and accent"],
  ["parasit", "parasite", "missing last letter"],
  ["interstelar", "interstellar", "missing double letter"],
  ["inecption", "inception", "swapped letters in one word"],
  ["oppenhiemer", "oppenheimer", "swapped letters in one word"],
  ["casablanka", "casablanca", "wrong letter"],
  ["shinning", "the-shining", "extra letter"],
  ["back to teh future", "back-to-the-future", "swapped letters in a short word"],
  ["wont you be my neighbour", "wont-you-be-my-neighbor", "apostrophe left out, British spelling"],
  ["schindlers list", "schindlers-list", "apostrophe left out"],
  ["Mad Max: Fury Road", "mad-max-fury-road", "punctuation"],
  ["paddingtn 2", "paddington-2", "typo and a number"],
  ["1917", "1917", "a title that is a number"],
  ["up", "up", "a two-letter title"],
  ["grand budapest", "the-grand-budapest-hotel", "part of a title"],
  ["wild robot", "the-wild-robot", "part of a title"],
  ["nolan", "inception", "director's surname: his most reviewed film"],
  ["christopher nolan", "inception", "director's full name"],
  ["hayao miyazaki", "spirited-away", "director's full name: his most reviewed film"],
  ["miyazki", "spirited-away", "misspelled director"],
  ["spielberg", "jaws", "director's surname"],
  ["kurosawa", "seven-samurai", "director's surname"],
  ["tom hanks", "toy-story", "actor: his most reviewed film"],
  ["dicaprio", "inception", "actor's surname"],
  ["michelle yeoh", "everything-everywhere-all-at-once", "actor"],
  ["questlove", "summer-of-soul", "a nickname inside a name"],
  ["bong joon ho", "parasite", "three-word name"],
  ["documentary", "the-work", "genre: its most reviewed film"],
  ["science fiction", "inception", "two-word genre"],
];

describe(`search quality on ${ENGINE}`, () => {
  it.each(FIRST)("%s → %s first (%s)", async (query, slug) => {
    const hits = await search(query);
    expect(hits.length, `no results for "${query}"`).toBeGreaterThan(0);
    expect(hits[0]!.slug, `"${query}" ranked: ${hits.map((h) => h.slug).join(", ")}`).toBe(slug);
  });

  it("finds all of a director's films, by person", async () => {
    const hits = await search("nolan");
    expect(hits.map((h) => h.slug)).toEqual(["inception", "interstellar", "oppenheimer"]);
    for (const h of hits) {
      expect(h).toMatchObject({ matchedBy: "person", matchedName: "Christopher Nolan", role: "DIRECTOR" });
    }
  });

  it("lists every film of a genre, most reviewed first", async () => {
    const hits = await search("documentary");
    const documentaries = await db.prisma.film.findMany({
      where: { genres: { some: { genre: { name: "Documentary" } } } },
      orderBy: [{ reviewCount: "desc" }],
      select: { slug: true, reviewCount: true },
    });
    expect(hits.map((h) => h.slug).sort()).toEqual(documentaries.map((d) => d.slug).sort());
    expect(hits.map((h) => h.reviewCount)).toEqual(documentaries.map((d) => d.reviewCount));
    expect(hits.every((h) => h.matchedBy === "genre" && h.matchedName === "Documentary")).toBe(true);
  });

  it("ranks a title match above a person match above a genre match of the same strength", async () => {
    // "heat" is a title, and a word of no name or genre: the film comes first.
    const heat = await search("heat");
    expect(heat[0]).toMatchObject({ slug: "heat", matchedBy: "title" });
    // "al pacino": person matches only, the most reviewed of his films first.
    const pacino = await search("al pacino");
    expect(pacino.map((h) => h.matchedBy)).toEqual(pacino.map(() => "person"));
    expect(pacino.map((h) => h.slug)).toEqual(["the-godfather", "heat"]);
  });

  it("drops faint resemblances next to a strong match", async () => {
    const hits = await search("tom hanks");
    expect(hits.map((h) => h.slug).sort()).toEqual(["saving-private-ryan", "toy-story"]);
  });

  it("returns nothing for gibberish, an empty or a punctuation-only query", async () => {
    expect(await search("zzqxv")).toEqual([]);
    expect(await search("")).toEqual([]);
    expect(await search("?!…")).toEqual([]);
  });

  it("treats SQL and LIKE characters as text", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
    expect(await search('\'; DROP TABLE "Film" --')).toEqual([]);
    expect(await db.prisma.film.count()).toBeGreaterThan(40);
  });

  it("reads one or two letters as the start of a title or of a word in it, most reviewed first", async () => {
    const films = await db.prisma.film.findMany({ where: { published: true }, select: { slug: true, title: true, reviewCount: true } });
    for (const q of ["h", "s", "up", "T"]) {
      const f = foldForSearch(q);
      const hits = await search(q);
      const key = (t: string) => foldForSearch(t);
      const expected = films
        .filter((x) => key(x.title) === f || key(x.title).startsWith(f) || key(x.title).includes(` ${f}`))
        .map((x) => ({ ...x, rank: key(x.title) === f ? 0 : key(x.title).startsWith(f) ? 1 : 2 }))
        .sort((a, b) => a.rank - b.rank || b.reviewCount - a.reviewCount || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
        .slice(0, 30);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(
        hits.map((h) => h.slug),
        q,
      ).toEqual(expected.map((x) => x.slug));
      expect(hits.every((h) => h.matchedBy === "title")).toBe(true);
    }
    expect(await search("zq")).toEqual([]);
  });

  it("suggests as you type, in the same order as the search page", async () => {
    expect((await suggestFilms(foldForSearch("teh wrok"), 8))[0]).toEqual({ slug: "the-work", title: "The Work", year: 2017 });
    const partial = await suggestFilms(foldForSearch("inc"), 8);
    expect(partial[0]?.slug).toBe("inception");
    const few = await suggestFilms(foldForSearch("the"), 3);
    expect(few).toHaveLength(3);
  });

  it("folds text in SQL exactly as foldForSearch does in TypeScript", async () => {
    const samples = [
      "Amélie",
      "Won't You Be My Neighbor?",
      "Mad Max: Fury Road",
      "Pan’s Labyrinth",
      "Miloš Forman",
      "Lupita Nyong'o",
      "Timothée Chalamet",
      'Ahmir "Questlove" Thompson',
      "  Straße   Æon  Œuvre — Søren Łódź  ",
      "Dune: Part Two",
      "F. Murray Abraham",
      "",
    ];
    for (const s of samples) {
      const [row] = await db.prisma.$queryRaw<{ f: string }[]>`SELECT marquee_fold(${s}::text) AS f`;
      expect(row!.f, s).toBe(foldForSearch(s));
    }
  });

  it("keeps the search keys up to date when a title changes, with no help from the app", async () => {
    await db.prisma.film.update({ where: { slug: "arrival" }, data: { title: "Arrivée" } });
    const [row] = await db.prisma.$queryRaw<{ searchText: string; searchAnagram: string }[]>`
      SELECT "searchText", "searchAnagram" FROM "Film" WHERE slug = 'arrival'`;
    expect(row).toEqual({ searchText: "arrivee", searchAnagram: "aeeirrv" });
    expect((await search("arivee"))[0]?.slug).toBe("arrival");
    await db.prisma.film.update({ where: { slug: "arrival" }, data: { title: "Arrival" } });
    expect((await search("arival"))[0]?.slug).toBe("arrival");
  });
});
