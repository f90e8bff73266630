import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";
import { decodeSessionToken } from "./session-token";
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

export type SessionClaims = { userId: string; sessionVersion: number; sid: string | null; stale: boolean };

/**
 * The session's claims read straight from the cookie's value: no next-auth session round
 * and no re-signing, so GET /api/me (on every member page view) costs one decode. Null
 * for a cookie that does not decode. `stale` says the token was issued over a day ago:
 * the caller gives it a new expiry (a rolling 30-day session, as next-auth does).
 */
export async function sessionClaimsOf(value: string | undefined): Promise<SessionClaims | null> {
  if (!value) return null;
  const token = await decodeSessionToken(value, env().secret);
  if (!token?.sub) return null;
  const issued = typeof token.iat === "number" ? token.iat : 0;
  return {
    userId: token.sub,
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    sid: typeof token.sid === "string" ? token.sid : null,
    stale: Date.now() / 1000 - issued > REFRESH_AFTER_SECONDS,
  };
}

/**
 * The Set-Cookie line that gives a session cookie's value a fresh 30-day expiry, the
 * claims unchanged (what next-auth does on each session read), or null when it does not
 * decode. Written out by hand: GET /api/me answers outside Next's cookie store.
 */
export async function renewedSessionCookie(value: string): Promise<string | null> {
  const e = env();
  const token = await decodeSessionToken(value, e.secret);
  if (!token) return null;
  const renewed = await encode({ token, secret: e.secret, maxAge: MAX_AGE });
  const expires = new Date(Date.now() + MAX_AGE * 1000).toUTCString();
  return `${sessionCookieName()}=${renewed}; Path=/; Expires=${expires}; Max-Age=${MAX_AGE}; HttpOnly; SameSite=Lax${e.secureCookies ? "; Secure" : ""}`;
}

/** Drops this browser's session cookie (after "sign out everywhere" or deleting the account). */
export async function clearSession(): Promise<void> {
  const store = await cookies();
  store.delete(sessionCookieName());
  // and the member hint, so the page's islands turn to the visitor's view at once
  store.delete(MEMBER_HINT_COOKIE);
}
