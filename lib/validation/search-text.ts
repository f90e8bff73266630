// Search text without zod (safe for the browser bundle): limits, grapheme counting and
// the normaliser that mirrors the database's marquee_fold() (prisma/migrations/*_search).

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

export function searchHref(q: string): string {
  return `/search?q=${encodeURIComponent(q)}`;
}
