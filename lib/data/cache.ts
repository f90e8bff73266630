import "server-only";
import { unstable_cache } from "next/cache";

/** Cache tags, one family per thing a write can change. */
export const tags = {
  catalog: "catalog",
  film: (slug: string) => `film:${slug}`,
  reviews: (slug: string) => `reviews:${slug}`,
};

/**
 * Wraps a read in Next's data cache with tags. Outside a Next server (scripts,
 * Vitest) it calls the function directly, so the same data layer is testable.
 * Results must be JSON-serialisable (dates as ISO strings).
 */
export function cachedRead<A extends unknown[], R>(
  fn: (...args: A) => Promise<R>,
  key: string,
  tagsFor: (...args: A) => string[],
  revalidateSeconds = 3600,
): (...args: A) => Promise<R> {
  if (!process.env.NEXT_RUNTIME) return fn;
  return (...args: A) => unstable_cache(fn, [key], { tags: tagsFor(...args), revalidate: revalidateSeconds })(...args);
}
