// Search query: the URL state of /search?q= and of the suggestion API (zod schemas);
// the text helpers are in ./search-text.
import { z } from "zod";
import { foldForSearch, graphemeCount, SEARCH_MAX_LENGTH, SUGGEST_DEFAULT_LIMIT, SUGGEST_MAX_LIMIT, tidyQuery, truncateGraphemes } from "./search-text";
import { hasUnsafeCodeUnits, toWellFormed } from "./text";
import { firstValue } from "./params";

export * from "./search-text";

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
  const raw = firstValue(params.q);
  // Cut by raw length first: tidying and counting characters then cost next to nothing.
  const q = typeof raw === "string" ? truncateGraphemes(tidyQuery(toWellFormed(raw.slice(0, SEARCH_MAX_LENGTH * 4))), SEARCH_MAX_LENGTH).trim() : "";
  return toSearchQuery(q);
}

/** Strict schema of GET /api/search/suggest?q=…&limit=… (one q, at most 100 characters). */
export const suggestParamsSchema = z
  .object({
    q: z.preprocess(
      (v) => (typeof v === "string" ? v.slice(0, SEARCH_MAX_LENGTH * 4 + 1) : v),
      z
        .string({ error: (issue) => (issue.input === undefined ? "q is required" : "q must be given once, as text") })
        .max(SEARCH_MAX_LENGTH * 4, { error: `q must be at most ${SEARCH_MAX_LENGTH} characters`, abort: true })
        .refine((s) => !hasUnsafeCodeUnits(s), { message: "q contains characters that are not allowed", abort: true })
        .transform(tidyQuery)
        .refine((s) => graphemeCount(s) <= SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` }),
    ),
    limit: z.coerce.number().int().min(1).max(SUGGEST_MAX_LIMIT).default(SUGGEST_DEFAULT_LIMIT),
  })
  .transform(({ q, limit }) => ({ ...toSearchQuery(q), limit }));

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
