import "server-only";
import { updateTag } from "next/cache";
import { getCurrentUser } from "../auth/session";
import { tagsForWrite, type WriteScope } from "../data/cache";
import type { Actor } from "../auth/actor";
import type { Result } from "../result";
import type { LimitName } from "../security/limits";
import { checkLimit, requestAddress } from "./limit";
import { reportFailure } from "../errors";

/** What a mutation's data may name for revalidation: the film (and its former slugs). */
type Touches = { filmSlug?: string; filmSlugs?: string[] } | undefined;

export type MutationOptions<T = unknown> = {
  /** Exactly which cached pages the write changed (lib/actions/scopes.ts); see tagsForWrite. */
  scope?: WriteScope | ((data: NonNullable<T>) => WriteScope);
  /** Without a scope: the film's pages, and with `catalog` the lists it appears in too. */
  catalog?: boolean;
  /** The write limit this mutation counts against (lib/security/limits.ts; unset: not limited). */
  limit?: LimitName;
  /** The name in the failure log line. */
  route?: string;
  /**
   * For visitors' actions (sign-up, password reset): no session is read (the actor is
   * null) and `limit` counts per client address under its own name, not the shared
   * "anonymous" one.
   */
  anonymous?: boolean;
  /** The form field the "Too many …" message is shown under (default "form"). */
  limitField?: string;
};

/**
 * The write limit: members are counted per account; a request without a session counts
 * against the shared "anonymous" limit of its client address. Over the limit nothing runs.
 */
async function limitHook(limit: LimitName, actor: Actor, opts: Pick<MutationOptions, "anonymous" | "limitField">): Promise<Result<never> | null> {
  if (opts.anonymous) return checkLimit(limit, `addr:${await requestAddress()}`, opts.limitField);
  return actor ? checkLimit(limit, `user:${actor.id}`, opts.limitField) : checkLimit("anonymous", `addr:${await requestAddress()}`, opts.limitField);
}

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

/**
 * The one shape of every mutation: the session is read here (never trusted from the
 * page), the write limit is counted, the data function validates, checks ownership and
 * writes in one transaction, and exactly the cached pages it changed are expired.
 * Unexpected errors become one friendly message with a reference code; the raw error
 * goes to the server log on one line with the same code (lib/errors.ts).
 */
export async function runMutation<T extends object | undefined>(fn: (actor: Actor) => Promise<Result<T>>, opts: MutationOptions<T> = {}): Promise<Result<T>> {
  try {
    const user = opts.anonymous ? null : await getCurrentUser();
    const actor: Actor = user ? { id: user.id, role: user.role } : null;
    if (opts.limit) {
      const limited = await limitHook(opts.limit, actor, opts);
      if (limited) return limited;
    }
    return await runAs(actor, fn, opts.scope ?? { film: true, reviews: true, catalog: !!opts.catalog }, expireTags);
  } catch (e) {
    // One log line (route, reference code, the original error); the member sees a
    // generic message with the same reference code, never the raw error.
    const f = reportFailure(`action:${opts.route ?? (fn.name || "mutation")}`, e);
    return { ok: false, code: "error", message: f.message, reference: f.code };
  }
}

/**
 * The body of runMutation for a known actor: runs the write and expires exactly the
 * cache tags its scope names, for the film it names (and its former slugs).
 */
export async function runAs<T extends object | undefined>(
  actor: Actor,
  fn: (actor: Actor) => Promise<Result<T>>,
  scope: WriteScope | ((data: NonNullable<T>) => WriteScope),
  expire: (tags: string[]) => Promise<void>,
): Promise<Result<T>> {
  const result = await fn(actor);
  if (result.ok) {
    const data = result.data as NonNullable<T>;
    const touched = data as Touches;
    const s = typeof scope === "function" ? scope(data) : scope;
    const slugs = [...new Set([...(touched?.filmSlug ? [touched.filmSlug] : []), ...(touched?.filmSlugs ?? [])])];
    const list = [...new Set(slugs.length ? slugs.flatMap((slug) => tagsForWrite(slug, s)) : tagsForWrite(undefined, s))];
    if (list.length) await expire(list);
  }
  return result;
}
