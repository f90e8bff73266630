import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tags } from "../data/cache";
import type { Actor } from "../data/review-writes";
import type { Result } from "../result";
import { reportFailure } from "../errors";

/**
 * The one shape of every mutation: the session is read here (never trusted from the
 * page), the data function validates, checks ownership and writes in one transaction,
 * and the film's cached reads are revalidated when something changed.
 * Unexpected errors become one friendly message with a reference code; the raw error
 * goes to the server log on one line with the same code (lib/errors.ts).
 */
export async function runMutation<T extends { filmSlug?: string } | undefined>(
  fn: (actor: Actor) => Promise<Result<T>>,
  opts: { catalog?: boolean; route?: string } = {},
): Promise<Result<T>> {
  try {
    const user = await getCurrentUser();
    const result = await fn(user ? { id: user.id, role: user.role } : null);
    const slug = result.ok ? (result.data as { filmSlug?: string } | undefined)?.filmSlug : undefined;
    if (slug) {
      // Expire at once (not stale-while-revalidate): the author and everyone else see
      // the change on their next load.
      updateTag(tags.film(slug));
      updateTag(tags.reviews(slug));
      if (opts.catalog) updateTag(tags.catalog);
    }
    return result;
  } catch (e) {
    // One log line (route, reference code, the original error); the member sees a
    // generic message with the same reference code, never the raw error.
    const f = reportFailure(`action:${opts.route ?? (fn.name || "mutation")}`, e);
    return { ok: false, code: "error", message: f.message, reference: f.code };
  }
}
