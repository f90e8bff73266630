// Search is served by trigram indexes, not by reading every film: the GIN indexes exist,
// and on a catalog of realistic size the planner (after VACUUM ANALYZE, default settings)
// answers the title search with bitmap scans of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchFilms, setExactTitleSkipsForTests, suggestFilms, titleSearchSql } from "@/lib/data/search";
import { foldForSearch } from "@/lib/validation/search";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.dispose());

/** Synthetic films: 1 to 4 words, a mix of common title words and made-up ones, deterministic. */
const SYNTHETIC_FILMS = Number(process.env.SEARCH_INDEX_FILMS || 10_000);
const REAL_TITLE = "The Godfather";

async function fillCatalog(n: number) {
  await db.prisma.$executeRaw`
    INSERT INTO "Film" (id, slug, title, year, "releaseDate", "runtimeMinutes", synopsis, "contentRating", "updatedAt")
    SELECT 'synth_' || i, 'synth-' || i, t.title, 1950 + i % 70, make_date(1950 + i % 70, 1 + i % 12, 1 + i % 28),
           80 + i % 60, 'A synthetic film for the index test.', 'NR', now()
    FROM generate_series(1, ${n}::int) AS i
    CROSS JOIN LATERAL (SELECT sha256(convert_to(i::text, 'UTF8')) AS h) AS hash
    CROSS JOIN LATERAL (
      SELECT initcap(string_agg(
        CASE WHEN get_byte(h, k * 6) % 3 = 0
          THEN (string_to_array('the of a night love house river city last dark summer man blue road war', ' '))[1 + get_byte(h, k * 6 + 1) % 15]
          ELSE (string_to_array('b c d f g h j k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st th tr', ' '))[1 + get_byte(h, k * 6 + 2) % 31]
            || (string_to_array('a e i o u ai ea ou', ' '))[1 + get_byte(h, k * 6 + 3) % 8]
            || (string_to_array('b c d f g h j k l m n p r s t v w z br ch cl cr dr fl gr pl pr sh st th tr', ' '))[1 + get_byte(h, k * 6 + 4) % 31]
            || (string_to_array('a e i o u ai ea ou', ' '))[1 + get_byte(h, k * 6 + 5) % 8]
        END, ' ' ORDER BY k)) AS title
      FROM generate_series(0, get_byte(h, 31) % 4) AS k
    ) AS t`;
  await db.prisma.film.create({
    data: { slug: "the-godfather", title: REAL_TITLE, year: 1972, releaseDate: new Date("1972-03-24"), runtimeMinutes: 175, synopsis: "s", contentRating: "R" },
  });
  // What autovacuum does after a bulk load: statistics for the planner, and the GIN
  // indexes' pending lists merged into the trees (until then every search reads them).
  await db.prisma.$executeRawUnsafe(`VACUUM ANALYZE "Film"`);
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

async function explain(sql: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  const raw = Object.values(rows[0]!)[0];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    nodes.push(n);
    n.Plans?.forEach(walk);
  };
  walk(doc[0]!.Plan);
  return nodes;
}

describe(`search indexes on ${ENGINE}`, () => {
  it("has GIN trigram indexes on the search keys of films, people and genres", async () => {
    const rows = await db.prisma.$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname`;
    expect(rows.map((r) => r.indexname)).toEqual([
      "Film_searchAnagram_trgm_idx",
      "Film_searchText_trgm_idx",
      "Genre_searchName_trgm_idx",
      "Person_searchAnagram_trgm_idx",
      "Person_searchName_trgm_idx",
    ]);
    for (const r of rows) expect(r.indexdef).toMatch(/USING gin \("search\w+" gin_trgm_ops\)/);
  });

  it(`answers the title search with bitmap scans of the trigram indexes on ${SYNTHETIC_FILMS} films`, async () => {
    await fillCatalog(SYNTHETIC_FILMS);
    expect(await db.prisma.film.count()).toBe(SYNTHETIC_FILMS + 1);
    for (const q of ["godfathr", "teh godfather"]) {
      const nodes = await explain(titleSearchSql(foldForSearch(q)));
      const summary = nodes.map(
        (n) => `${n["Node Type"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`,
      );
      const indexScans = nodes.filter((n) => n["Node Type"] === "Bitmap Index Scan").map((n) => n["Index Name"]);
      expect(indexScans, summary.join("\n")).toContain("Film_searchText_trgm_idx");
      expect(indexScans, summary.join("\n")).toContain("Film_searchAnagram_trgm_idx");
      expect(
        nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Film"),
        summary.join("\n"),
      ).toEqual([]);
    }
    // and still finds the one real film among them
    expect((await searchFilms(foldForSearch("godfathr")))[0]?.title).toBe(REAL_TITLE);
  });

  it("skips the arms that cannot add a hit when the query is a title, with the same results", async () => {
    // runs after the catalog above is filled
    const analyzed = async (q: string) => {
      const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${titleSearchSql(foldForSearch(q))}`);
      const raw = Object.values(rows[0]!)[0];
      const all: (PlanNode & { "Actual Loops"?: number })[] = [];
      const walk = (n: PlanNode) => {
        all.push(n);
        n.Plans?.forEach(walk);
      };
      walk(((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan);
      // loops of each trigram index scan: 0 = never executed
      return all.filter((n) => n["Node Type"] === "Bitmap Index Scan").map((n) => `${n["Index Name"]} ${(n as { "Actual Loops"?: number })["Actual Loops"]}`);
    };
    expect(await analyzed("The Godfather")).toEqual(["Film_searchText_trgm_idx 1", "Film_searchText_trgm_idx 0", "Film_searchAnagram_trgm_idx 1"]);
    expect(await analyzed("godfathr")).toEqual(["Film_searchText_trgm_idx 1", "Film_searchText_trgm_idx 1", "Film_searchAnagram_trgm_idx 1"]);
    // the same hits, skips or not, for a spread of titles of the catalog (and suggestions)
    const titles = await db.prisma.$queryRaw<{ title: string }[]>`SELECT title FROM "Film" WHERE id LIKE 'synth_%' ORDER BY md5(id) LIMIT 40`;
    titles.push({ title: REAL_TITLE });
    const run = async () =>
      Promise.all(titles.map(async ({ title }) => [await searchFilms(foldForSearch(title)), await suggestFilms(foldForSearch(title), 8)]));
    const skipped = await run();
    setExactTitleSkipsForTests(false);
    try {
      expect(skipped).toEqual(await run());
    } finally {
      setExactTitleSkipsForTests(true);
    }
    expect(skipped.filter((r) => r[0]!.length > 1).length).toBeGreaterThan(5);
  });
});
