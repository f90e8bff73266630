import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tags } from "../data/cache";
import type { Actor } from "../data/review-writes";
import type { Result } from "../result";

/** What a mutation's data may name for revalidation: the film (and its former slugs). */
type Touches = { filmSlug?: string; filmSlugs?: string[] } | undefined;

export type MutationOptions = {
  /** Also expire the lists the film appears in (home rows, genres, search, sitemap). */
  catalog?: boolean;
  /**
   * The rate-limit bucket of this write (e.g. "editor", "review"). The single hook point
   * for the write rate limiter (issue 8): see `limitHook` below. Unset = not limited.
   */
  limit?: string;
};

/**
 * Rate-limit hook: returns a failed Result when the actor is over the limit of `bucket`,
 * or null to go ahead. A pass-through until the shared limiter lands (issue 8), which
 * replaces this body only.
 */
async function limitHook(_bucket: string, _actor: Actor): Promise<Result<never> | null> {
  return null;
}

/**
 * The one shape of every mutation: the session is read here (never trusted from the
 * page), the data function validates, checks ownership and writes in one transaction,
 * and the film's cached reads are revalidated when something changed.
 * Unexpected errors become one friendly message; the raw error stays in the server log.
 */
export async function runMutation<T extends object | undefined>(fn: (actor: Actor) => Promise<Result<T>>, opts: MutationOptions = {}): Promise<Result<T>> {
  try {
    const user = await getCurrentUser();
    const actor: Actor = user ? { id: user.id, role: user.role } : null;
    if (opts.limit) {
      const limited = await limitHook(opts.limit, actor);
      if (limited) return limited;
    }
    const result = await fn(actor);
    const data = result.ok ? (result.data as Touches) : undefined;
    const slugs = new Set([...(data?.filmSlug ? [data.filmSlug] : []), ...(data?.filmSlugs ?? [])]);
    // Expire at once (not stale-while-revalidate): the author and everyone else see
    // the change on their next load.
    for (const slug of slugs) {
      updateTag(tags.film(slug));
      updateTag(tags.reviews(slug));
    }
    if (slugs.size > 0 && opts.catalog) updateTag(tags.catalog);
    return result;
  } catch (e) {
    console.error("mutation failed", e);
    return { ok: false, code: "error", message: "Something went wrong on our side. Please try again." };
  }
}
