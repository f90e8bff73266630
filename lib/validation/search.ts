// Search query: the URL state of /search?q= and of the suggestion API, and the
// normaliser that mirrors the database's marquee_fold() (prisma/migrations/*_search).
import { z } from "zod";
import { hasUnsafeCodeUnits, toWellFormed } from "./text";

/** Longest query, in user-perceived characters (zod's .max() counts code points). */
export const SEARCH_MAX_LENGTH = 100;
/** The suggestion list starts after this many characters. */
export const SUGGEST_MIN_LENGTH = 2;
export const SUGGEST_DEFAULT_LIMIT = 8;
export const SUGGEST_MAX_LIMIT = 10;

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

export function graphemeCount(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/** The first `max` user-perceived characters of `s`. */
export function truncateGraphemes(s: string, max: number): string {
  let out = "";
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (n++ >= max) break;
    out += segment;
  }
  return out;
}

/** What the user typed, tidied for display and for links: trimmed, runs of space made one. */
export function tidyQuery(raw: string): string {
  return raw.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
}

const LETTERS: Record<string, string> = { ø: "o", ł: "l", đ: "d", ħ: "h", ı: "i", æ: "ae", œ: "oe", ß: "ss" };

/**
 * The search form of a text, the same as SQL marquee_fold(): lower case, accents
 * stripped, a few letters without a decomposition spelled out, apostrophes dropped,
 * other punctuation and space runs made one space. "Amélie" → "amelie",
 * "Won't You Be My Neighbor?" → "wont you be my neighbor".
 */
export function foldForSearch(input: string): string {
  return input
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[øłđħıæœß]/g, (c) => LETTERS[c] ?? c)
    .replace(/['’ʼ`]/g, "")
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export type SearchQuery = {
  /** What to show and put in links ("" when there is nothing to search for). */
  q: string;
  /** The folded form sent to the database ("" when nothing searchable is left). */
  folded: string;
};

function toSearchQuery(q: string): SearchQuery {
  return { q, folded: foldForSearch(q) };
}

/**
 * Lenient parse for the search page: a missing or repeated q is read as its first
 * value, an overlong one is cut to SEARCH_MAX_LENGTH characters. Never throws.
 */
export function parseSearchPageQuery(params: Record<string, string | string[] | undefined>): SearchQuery {
  const raw = first(params.q);
  // Cut by raw length first: tidying and counting characters then cost next to nothing.
  const q = typeof raw === "string" ? truncateGraphemes(tidyQuery(toWellFormed(raw.slice(0, SEARCH_MAX_LENGTH * 4))), SEARCH_MAX_LENGTH).trim() : "";
  return toSearchQuery(q);
}

/** Strict schema of GET /api/search/suggest?q=…&limit=… (one q, at most 100 characters). */
export const suggestParamsSchema = z
  .object({
    q: z.preprocess((v) => (typeof v === "string" ? v.slice(0, SEARCH_MAX_LENGTH * 4 + 1) : v), z
      .string({ error: (issue) => (issue.input === undefined ? "q is required" : "q must be given once, as text") })
      .max(SEARCH_MAX_LENGTH * 4, { error: `q must be at most ${SEARCH_MAX_LENGTH} characters`, abort: true })
      .refine((s) => !hasUnsafeCodeUnits(s), { message: "q contains characters that are not allowed", abort: true })
      .transform(tidyQuery)
      .refine((s) => graphemeCount(s) <= SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` })),
    limit: z.coerce.number().int().min(1).max(SUGGEST_MAX_LIMIT).default(SUGGEST_DEFAULT_LIMIT),
  })
  .transform(({ q, limit }) => ({ ...toSearchQuery(q), limit }));
export type SuggestParams = z.infer<typeof suggestParamsSchema>;

/** Reads URLSearchParams for the strict schema: a repeated parameter stays an array and fails. */
export function suggestParamsFrom(sp: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["q", "limit"]) {
    const all = sp.getAll(key);
    if (all.length === 1) out[key] = all[0];
    else if (all.length > 1) out[key] = all;
  }
  return out;
}

export function searchHref(q: string): string {
  return `/search?q=${encodeURIComponent(q)}`;
}
