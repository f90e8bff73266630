import "server-only";
import { unstable_cache } from "next/cache";

/** Cache tags, one family per thing a write can change. */
export const tags = {
  catalog: "catalog",
  film: (slug: string) => `film:${slug}`,
  reviews: (slug: string) => `reviews:${slug}`,
};

/** Browse lists change when films or ratings change; five minutes of staleness at most. */
export const LIST_TTL = 300;

/**
 * What a write changed, in cache tags: exactly the pages that show it.
 * - `film`: the film's own data (its counts, average, histogram): its page and API.
 * - `reviews`: the film's review lists: the film page's top reviews and every reviews page.
 * - `catalog`: film cards in lists (home rows, genre pages, similar films) show averages.
 */
export type WriteScope = { film?: boolean; reviews?: boolean; catalog?: boolean };

export function tagsForWrite(filmSlug: string | undefined, scope: WriteScope): string[] {
  if (!filmSlug) return scope.catalog ? [tags.catalog] : [];
  return [...(scope.film ? [tags.film(filmSlug)] : []), ...(scope.reviews ? [tags.reviews(filmSlug)] : []), ...(scope.catalog ? [tags.catalog] : [])];
}

/**
 * Wraps a read in Next's data cache with tags. Outside a Next server (scripts,
 * Vitest) it calls the function directly, so the same data layer is testable.
 * Results must be JSON-serialisable (dates as ISO strings).
 */
/** Every cached read by key, with the tags it carries (tests check writes against them). */
export const cachedReads = new Map<string, (...args: never[]) => string[]>();

export function cachedRead<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  key: string,
  tagsFor: (...args: A) => string[],
  revalidateSeconds = 3600,
): (...args: A) => Promise<R> {
  cachedReads.set(key, tagsFor as unknown as (...args: never[]) => string[]);
  if (!process.env.NEXT_RUNTIME) return fn;
  return (...args: A) => unstable_cache(fn, [key], { tags: tagsFor(...args), revalidate: revalidateSeconds })(...args);
}
