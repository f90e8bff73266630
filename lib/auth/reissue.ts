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
  const e = env();
  const store = await cookies();
  const name = sessionCookieName();
  const current = store.get(name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret: e.secret });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret: e.secret, maxAge: MAX_AGE });
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: e.secureCookies, maxAge: MAX_AGE });
}

/** Drops this browser's session cookie (after "sign out everywhere" or deleting the account). */
export async function clearSession(): Promise<void> {
  const store = await cookies();
  store.delete(sessionCookieName());
  // and the member hint, so the page's islands turn to the visitor's view at once
  store.delete(MEMBER_HINT_COOKIE);
}
