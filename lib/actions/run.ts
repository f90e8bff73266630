import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tags } from "../data/cache";
import type { Actor } from "../data/review-writes";
import type { Result } from "../result";

/**
 * The one shape of every mutation: the session is read here (never trusted from the
 * page), the data function validates, checks ownership and writes in one transaction,
 * and the film's cached reads are revalidated when something changed.
 * Unexpected errors become one friendly message; the raw error stays in the server log.
 */
/**
 * Expires cached pages and data at once (not stale-while-revalidate), on this instance
 * before the action answers (so the page it sends back is fresh) and on every other one
 * through the cache handler (lib/cache/handler.mjs); updateTag keeps Next's own
 * bookkeeping in step.
 */
export async function expireTags(list: string[]): Promise<void> {
  const now = (globalThis as { __marqueeExpireTags?: (t: string[]) => Promise<void> }).__marqueeExpireTags;
  if (now) await now(list);
  for (const t of list) updateTag(t);
}

export async function runMutation<T extends { filmSlug?: string } | undefined>(
  fn: (actor: Actor) => Promise<Result<T>>,
  opts: { catalog?: boolean } = {},
): Promise<Result<T>> {
  try {
    const user = await getCurrentUser();
    const result = await fn(user ? { id: user.id, role: user.role } : null);
    const slug = result.ok ? (result.data as { filmSlug?: string } | undefined)?.filmSlug : undefined;
    if (slug) await expireTags([tags.film(slug), tags.reviews(slug), ...(opts.catalog ? [tags.catalog] : [])]);
    return result;
  } catch (e) {
    console.error("mutation failed", e);
    return { ok: false, code: "error", message: "Something went wrong on our side. Please try again." };
  }
}
