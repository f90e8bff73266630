import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { FILM_SUMMARY_COLUMNS, toFilmSummary } from "./film-mapping";
import type { FilmSummary } from "./films";

// Film search: typo-tolerant trigram matching (pg_trgm) on search keys PostgreSQL keeps
// itself (generated columns, see prisma/migrations/*_search):
//   "searchText"    marquee_fold(title), e.g. "amelie", "wont you be my neighbor"
//   "searchAnagram" each folded word with its letters sorted ("the work" → "eht korw"),
//                   so swapped letters ("teh wrok") still match
// and the same two keys on Person names, plus "searchName" on Genre, each with a GIN
// gin_trgm_ops index. Candidates come from operators those indexes serve (<%, % and
// <<%) at pg_trgm's default thresholds (word similarity 0.6, similarity 0.3, strict
// word similarity 0.5), so there is no per-transaction setting to remember. Then one
// score per film ranks them: see MATCH_WEIGHTS. One statement, the same on PGlite and
// PostgreSQL.

export type SearchMatch = "title" | "person" | "genre";

export type SearchHit = FilmSummary & {
  matchedBy: SearchMatch;
  /** The person or genre that matched (null for a title match). */
  matchedName: string | null;
  /** DIRECTOR or CAST for a person match. */
  role: "DIRECTOR" | "CAST" | null;
  score: number;
};

export type Suggestion = { slug: string; title: string; year: number };

/**
 * Relative weight of each kind of match, so that at equal closeness a title match ranks
 * above a person match above a genre match, while an exact person ("nolan") still beats
 * a faint title resemblance. Ties (after rounding to 2 decimals) go to the film with
 * more reviews.
 */
export const MATCH_WEIGHTS = { title: 1, person: 0.8, genre: 0.6 } as const;
/** A match on letters-sorted words only ("teh wrok") counts for less than a spelling match. */
const ANAGRAM_WEIGHT = 0.8;
/** Hits scoring below this share of the best hit are noise ("tom hanks" → Tom Hardy) and dropped. */
export const RELATIVE_CUTOFF = 0.6;
/** Suggestions under the search box are stricter: "the w" suggests The Work, not every "The …". */
export const SUGGEST_CUTOFF = 0.75;

/** How close a folded query is to one key and its anagram key, plus exact/prefix boosts. */
function closeness(text: Prisma.Sql, anagram: Prisma.Sql | null, t: string, boosts: { exact: number; prefix: number; word: number }): Prisma.Sql {
  const plain = Prisma.sql`0.8 * word_similarity(${t}::text, ${text}) + 0.2 * similarity(${t}::text, ${text})`;
  const swapped = anagram
    ? Prisma.sql`, ${ANAGRAM_WEIGHT}::float8 * (0.8 * strict_word_similarity(marquee_anagram(${t}::text), ${anagram}) + 0.2 * similarity(marquee_anagram(${t}::text), ${anagram}))`
    : Prisma.empty;
  return Prisma.sql`(greatest(${plain}${swapped}) + CASE
      WHEN ${text} = ${t}::text THEN ${boosts.exact}::float8
      WHEN ${text} LIKE ${t}::text || '%' THEN ${boosts.prefix}::float8
      WHEN ${text} LIKE '% ' || ${t}::text || '%' THEN ${boosts.word}::float8
      ELSE 0 END)`;
}

/**
 * Ids whose key is word-similar (<%) or similar (%) to the query, or whose anagram key is
 * strictly word-similar (<<%) to the query's: each arm of the UNION is one trigram index
 * scan. (Written as one WHERE with OR, PostgreSQL prices the operators as cheap per row
 * and scans the whole table on large catalogs, about 30 times slower.) Arms listed in
 * `skipWhen` run only when that condition is false (see EXACT_TITLE_SKIPS).
 */
function candidateIds(
  table: string,
  text: string,
  anagram: string | null,
  t: string,
  skip: { similar: boolean; anagram: boolean; when: Prisma.Sql },
): Prisma.Sql {
  const tbl = Prisma.raw(`"${table}"`);
  const col = Prisma.raw(`"${text}"`);
  const unless = (skipped: boolean) => (skipped ? Prisma.sql` AND NOT ${skip.when}` : Prisma.empty);
  const arms = [
    Prisma.sql`SELECT id FROM ${tbl} WHERE ${t}::text <% ${col}`,
    Prisma.sql`SELECT id FROM ${tbl} WHERE ${t}::text % ${col}${unless(skip.similar)}`,
  ];
  if (anagram) arms.push(Prisma.sql`SELECT id FROM ${tbl} WHERE marquee_anagram(${t}::text) <<% ${Prisma.raw(`"${anagram}"`)}${unless(skip.anagram)}`);
  return Prisma.join(arms, " UNION ");
}

/**
 * When a published film's title is the query exactly, it scores 1.3 (the most any hit can:
 * closeness 1 plus the exact boost), so nothing under RELATIVE_CUTOFF × 1.3 = 0.78 is shown,
 * and these arms cannot add a film that is:
 * - a title found only by similarity (%): its word similarity is under 0.6, so it scores
 *   under 0.8 × 0.6 + 0.2 = 0.68 (a boost would mean the title contains the query,
 *   word similarity 1), or by its anagram key under 0.8 × (0.8 × 0.5 + 0.2) = 0.48;
 * - a person found only by similarity or by anagram: under 0.8 × 0.8 = 0.64;
 * - a genre: at most 0.6 × 1.2 = 0.72 (its word-similarity arm still runs: 20 rows).
 * A title found only by its anagram key can reach 0.8, so that arm always runs. This holds
 * for any cutoff of at least RELATIVE_CUTOFF (suggestions use a stricter one). Each
 * skipped arm is a trigram index scan (at 100,000 titles the title similarity arm alone
 * was 17 of about 40 ms); the condition is one probe of Film_searchText_idx, evaluated
 * once (a one-time filter).
 */
const EXACT_TITLE_SKIPS = { title: { similar: true, anagram: false }, person: { similar: true, anagram: true }, genre: { similar: true, anagram: false } };

let skipping = true;
/** Tests: run every arm whatever the query (false), to compare results with the skips (true). */
export function setExactTitleSkipsForTests(on: boolean): void {
  skipping = on;
}

function exactTitle(t: string): Prisma.Sql {
  return skipping ? Prisma.sql`EXISTS (SELECT 1 FROM "Film" x WHERE x."searchText" = ${t}::text AND x.published)` : Prisma.sql`false`;
}

/** The title branch on its own: what EXPLAIN checks uses the trigram indexes. */
export function titleSearchSql(folded: string): Prisma.Sql {
  const text = Prisma.sql`f."searchText"`;
  const anagram = Prisma.sql`f."searchAnagram"`;
  return Prisma.sql`
    SELECT f.id, ${closeness(text, anagram, folded, { exact: 0.3, prefix: 0.15, word: 0.1 })} AS score
    FROM "Film" f
    WHERE f.id IN (${candidateIds("Film", "searchText", "searchAnagram", folded, { ...EXACT_TITLE_SKIPS.title, when: exactTitle(folded) })})`;
}

function searchSql(folded: string, limit: number): Prisma.Sql {
  const personText = Prisma.sql`p."searchName"`;
  const personAnagram = Prisma.sql`p."searchAnagram"`;
  const genreText = Prisma.sql`g."searchName"`;
  return Prisma.sql`
    WITH hits AS (
      SELECT t.id AS "filmId", ${MATCH_WEIGHTS.title}::float8 * t.score AS score, 1 AS kind, NULL::text AS "matchedName", NULL::text AS role
      FROM (${titleSearchSql(folded)}) t
      UNION ALL
      SELECT c."filmId",
             ${MATCH_WEIGHTS.person}::float8 * ${closeness(personText, personAnagram, folded, { exact: 0.2, prefix: 0.1, word: 0.05 })}
               * CASE WHEN c.role = 'DIRECTOR' THEN 1 ELSE 0.95 END,
             2, p.name, c.role::text
      FROM "Person" p
      JOIN "Credit" c ON c."personId" = p.id
      WHERE p.id IN (${candidateIds("Person", "searchName", "searchAnagram", folded, { ...EXACT_TITLE_SKIPS.person, when: exactTitle(folded) })})
      UNION ALL
      SELECT fg."filmId",
             ${MATCH_WEIGHTS.genre}::float8 * ${closeness(genreText, null, folded, { exact: 0.2, prefix: 0.1, word: 0.05 })},
             3, g.name, NULL
      FROM "Genre" g
      JOIN "FilmGenre" fg ON fg."genreId" = g.id
      WHERE g.id IN (${candidateIds("Genre", "searchName", null, folded, { ...EXACT_TITLE_SKIPS.genre, when: exactTitle(folded) })})
    ),
    best AS (
      SELECT DISTINCT ON ("filmId") * FROM hits ORDER BY "filmId", score DESC, kind
    )
    SELECT ${FILM_SUMMARY_COLUMNS},
           b.score::float8 AS score, b.kind, b."matchedName", b.role
    FROM best b
    JOIN "Film" f ON f.id = b."filmId"
    WHERE f.published
    ORDER BY round(b.score::numeric, 2) DESC, f."reviewCount" DESC, f.title ASC, f.id ASC
    LIMIT ${limit}`;
}

/**
 * One or two letters ("h", "up"): trigrams of so short a text resemble most of the
 * catalog (a one-letter search ranked 100,000 titles: 78 ms at size on PostgreSQL, against
 * 4 ms on the seed). Such a query means a title that is it, starts with it, or has a word
 * starting with it, the most reviewed first: the exact title by the Film_searchText_idx
 * index, the rest from a walk down Film_popular_idx that stops once the page is full and
 * never reads more than SHORT_WALK films.
 */
export const SHORT_QUERY_LENGTH = 2;
const SHORT_WALK = 5000;
const SHORT_SCORES = { exact: 1.3, prefix: 1.15, word: 1.1 } as const;

function shortSearchSql(folded: string, limit: number): Prisma.Sql {
  // "starts with the letters or has a word that does" is one substring test: ' ' || text
  // contains ' ' || letters (cheaper than two LIKEs on each walked film, and no pattern to escape)
  return Prisma.sql`
    WITH hits AS (
      SELECT f.id, ${SHORT_SCORES.exact}::float8 AS score FROM "Film" f WHERE f."searchText" = ${folded}::text AND f.published
      UNION ALL
      SELECT m.id, CASE WHEN starts_with(m."searchText", ${folded}::text) THEN ${SHORT_SCORES.prefix}::float8 ELSE ${SHORT_SCORES.word}::float8 END
      FROM (
        SELECT w.id, w."searchText" FROM (
          SELECT f.id, f."searchText" FROM "Film" f WHERE f.published ORDER BY f."reviewCount" DESC, f.id DESC LIMIT ${SHORT_WALK}
        ) w
        WHERE w."searchText" <> ${folded}::text AND strpos(' ' || w."searchText", ' ' || ${folded}::text) > 0
        LIMIT ${limit}
      ) m
    )
    SELECT ${FILM_SUMMARY_COLUMNS}, h.score, 1 AS kind, NULL::text AS "matchedName", NULL::text AS role
    FROM hits h JOIN "Film" f ON f.id = h.id
    ORDER BY h.score DESC, f."reviewCount" DESC, f.title ASC, f.id ASC
    LIMIT ${limit}`;
}

type Row = FilmSummary & { score: number; kind: number; matchedName: string | null; role: string | null };

const KINDS: Record<number, SearchMatch> = { 1: "title", 2: "person", 3: "genre" };

/**
 * Films for a folded query (see foldForSearch in lib/validation/search.ts), best first.
 * One statement on either engine.
 */
export async function searchFilms(folded: string, limit = 30, cutoff = RELATIVE_CUTOFF): Promise<SearchHit[]> {
  if (!folded) return [];
  const prisma = await db();
  const rows = await prisma.$queryRaw<Row[]>(folded.length <= SHORT_QUERY_LENGTH ? shortSearchSql(folded, limit) : searchSql(folded, limit));
  const top = rows.length ? Number(rows[0]!.score) : 0;
  return rows
    .filter((r) => Number(r.score) >= top * cutoff)
    .map((r) => ({
      ...toFilmSummary(r),
      score: Number(r.score),
      matchedBy: KINDS[Number(r.kind)] ?? "title",
      matchedName: r.matchedName,
      role: r.role === "DIRECTOR" || r.role === "CAST" ? r.role : null,
    }));
}

/** The first few films for the header's suggestion list. */
export async function suggestFilms(folded: string, limit: number): Promise<Suggestion[]> {
  const hits = await searchFilms(folded, limit, SUGGEST_CUTOFF);
  return hits.map(({ slug, title, year }) => ({ slug, title, year }));
}
