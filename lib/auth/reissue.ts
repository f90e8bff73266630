import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";
import { MEMBER_HINT_COOKIE } from "../viewer/hint";

const MAX_AGE = 30 * 24 * 60 * 60;

export function sessionCookieName(): string {
  return `${env().secureCookies ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * Gives this browser's session the member's new session version (after a password
 * change, which ends every other session): the same claims, signed again.
 */
export async function reissueSession(sessionVersion: number): Promise<void> {
  await signAgain({ sv: sessionVersion });
}

/** Signs this browser's session again with a fresh 30-day expiry, the claims unchanged. */
export async function extendSession(): Promise<void> {
  await signAgain({});
}

async function signAgain(changes: Record<string, unknown>): Promise<void> {
  const e = env();
  const store = await cookies();
  const name = sessionCookieName();
  const current = store.get(name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret: e.secret }).catch(() => null);
  if (!token) return;
  const value = await encode({ token: { ...token, ...changes }, secret: e.secret, maxAge: MAX_AGE });
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: e.secureCookies, maxAge: MAX_AGE });
}

const REFRESH_AFTER_SECONDS = 24 * 60 * 60;

/**
 * The session's claims read straight from the cookie: no next-auth session round and no
 * re-signing, so GET /api/me (on every member page view) costs one decode. Null for a
 * visitor or a cookie that does not decode. `stale` says the token was issued over a
 * day ago: the caller gives it a new expiry (a rolling 30-day session, as next-auth does).
 */
export async function readSessionClaims(): Promise<{ userId: string; sessionVersion: number; stale: boolean } | null> {
  const store = await cookies();
  const current = store.get(sessionCookieName())?.value;
  if (!current) return null;
  const token = await decode({ token: current, secret: env().secret }).catch(() => null);
  if (!token?.sub) return null;
  const issued = typeof token.iat === "number" ? token.iat : 0;
  return { userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0, stale: Date.now() / 1000 - issued > REFRESH_AFTER_SECONDS };
}

/** Drops this browser's session cookie (after "sign out everywhere" or deleting the account). */
export async function clearSession(): Promise<void> {
  const store = await cookies();
  store.delete(sessionCookieName());
  // and the member hint, so the page's islands turn to the visitor's view at once
  store.delete(MEMBER_HINT_COOKIE);
}
