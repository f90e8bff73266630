import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tagsForWrite, type WriteScope } from "../data/cache";
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
  scope: WriteScope | ((data: NonNullable<T>) => WriteScope) = {},
  route?: string,
): Promise<Result<T>> {
  try {
    const user = await getCurrentUser();
    return await runAs(user ? { id: user.id, role: user.role } : null, fn, scope, expireTags);
  } catch (e) {
    // One log line (route, reference code, the original error); the member sees a
    // generic message with the same reference code, never the raw error.
    const f = reportFailure(`action:${route ?? (fn.name || "mutation")}`, e);
    return { ok: false, code: "error", message: f.message, reference: f.code };
  }
}

/**
 * The body of runMutation for a known actor: runs the write and expires exactly the
 * cache tags its scope names (tested directly, without a request).
 */
export async function runAs<T extends { filmSlug?: string } | undefined>(
  actor: Actor,
  fn: (actor: Actor) => Promise<Result<T>>,
  scope: WriteScope | ((data: NonNullable<T>) => WriteScope),
  expire: (tags: string[]) => Promise<void>,
): Promise<Result<T>> {
  const result = await fn(actor);
  if (result.ok) {
    const data = result.data as NonNullable<T>;
    const list = tagsForWrite((data as { filmSlug?: string } | undefined)?.filmSlug, typeof scope === "function" ? scope(data) : scope);
    if (list.length) await expire(list);
  }
  return result;
}
