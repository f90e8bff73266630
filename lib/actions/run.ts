import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tags } from "../data/cache";
import type { Actor } from "../data/review-writes";
import type { Result } from "../result";
import type { LimitName } from "../security/limits";
import { checkLimit, requestAddress } from "./limit";

export type MutationOptions = {
  /** Also expire the catalog's cached lists (ratings and counts shown on cards changed). */
  catalog?: boolean;
  /**
   * The write limit this mutation counts against (lib/security/limits.ts). Members are
   * counted per account; a request without a session counts against the shared
   * "anonymous" limit of its client address. Over the limit nothing runs.
   */
  limit?: LimitName;
};

/**
 * The one shape of every mutation: the session is read here (never trusted from the
 * page), the write limit is counted, the data function validates, checks ownership and
 * writes in one transaction, and the film's cached reads are revalidated when
 * something changed. Unexpected errors become one friendly message; the raw error
 * stays in the server log.
 */
export async function runMutation<T extends object | undefined>(
  fn: (actor: Actor) => Promise<Result<T>>,
  opts: MutationOptions = {},
): Promise<Result<T>> {
  try {
    const user = await getCurrentUser();
    if (opts.limit) {
      const blocked = user ? await checkLimit(opts.limit, `user:${user.id}`) : await checkLimit("anonymous", `addr:${await requestAddress()}`);
      if (blocked) return blocked;
    }
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
    console.error("mutation failed", e);
    return { ok: false, code: "error", message: "Something went wrong on our side. Please try again." };
  }
}
