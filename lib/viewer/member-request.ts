import "server-only";
// GET /api/me: the signed-in member's own bits of a cached page, in one request. The
// answer is built here from the request's cookie and query alone (no Next request
// context), so the production server can also answer it without entering Next's route
// machinery (scripts/server.mjs, through globalThis.__marqueeMemberRequest); the route
// app/api/me/route.ts answers it the same way when that path is not taken.
import { renewedSessionCookie, sessionClaimsOf, sessionCookieName } from "../auth/reissue";
import { loadMemberView } from "../data/viewer";
import { siteUrl } from "../env";
import { securityHeaderRules } from "../security/headers";
import { viewerQuerySchema } from "../validation/viewer";
import { MEMBER_HINT_COOKIE } from "./hint";

export type MemberAnswer = { status: number; headers: [string, string][]; body: string };

const PRIVATE: [string, string][] = [
  ["Content-Type", "application/json"],
  ["Cache-Control", "private, no-store"],
  ["Vary", "Cookie"],
];

/** One cookie's value from a Cookie header (the first of that name), or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Who the member is, their review and wishlist state for the film, their votes, reports
 * and own cards among the reviews shown. Never cached. A visitor (or an ended session)
 * gets `{ user: null }` and loses the stale member hint; a session issued over a day ago
 * gets a new 30-day expiry. Errors (the database unreachable) are thrown to the caller.
 */
export async function answerMemberRequest(req: { cookie?: string; search: URLSearchParams }): Promise<MemberAnswer> {
  const q = viewerQuerySchema.safeParse({ film: req.search.get("film") ?? undefined, reviews: req.search.get("reviews") ?? undefined });
  if (!q.success) return { status: 400, headers: PRIVATE, body: JSON.stringify({ error: "Bad film or review list." }) };
  const cookie = cookieValue(req.cookie, sessionCookieName());
  const claims = await sessionClaimsOf(cookie);
  const view = claims ? await loadMemberView(claims, { filmSlug: q.data.film, reviewIds: q.data.reviews }) : null;
  if (!view) return { status: 200, headers: [...PRIVATE, ["Set-Cookie", `${MEMBER_HINT_COOKIE}=; Path=/; Max-Age=0`]], body: JSON.stringify({ user: null }) };
  const renewed = claims?.stale && cookie ? await renewedSessionCookie(cookie) : null;
  return { status: 200, headers: renewed ? [...PRIVATE, ["Set-Cookie", renewed]] : PRIVATE, body: JSON.stringify(view) };
}

/**
 * The same answer with the security headers next.config.ts gives every response through
 * Next (this one does not pass through Next): the server's direct path.
 */
async function answerDirectly(req: { cookie?: string; search: URLSearchParams; forwardedProto?: string }): Promise<MemberAnswer> {
  const a = await answerMemberRequest(req);
  return { ...a, headers: [...a.headers, ...securityHeaders(req.forwardedProto === "https")] };
}

/** The rules' headers, built once for each of the two cases (the only condition a rule has is X-Forwarded-Proto: https). */
const headerSets = new Map<boolean, [string, string][]>();
function securityHeaders(forwardedHttps: boolean): [string, string][] {
  let set = headerSets.get(forwardedHttps);
  if (!set) {
    set = [];
    for (const rule of securityHeaderRules({ https: siteUrl().startsWith("https://") })) {
      if (rule.has && !rule.has.every((h) => h.key === "x-forwarded-proto" && h.value === "https" && forwardedHttps)) continue;
      for (const h of rule.headers) set.push([h.key, h.value]);
    }
    headerSets.set(forwardedHttps, set);
  }
  return set;
}

// The production server looks for it here once Next has loaded this module (the first
// GET /api/me goes through the route; the rest are answered directly).
(globalThis as { __marqueeMemberRequest?: typeof answerDirectly }).__marqueeMemberRequest = answerDirectly;
