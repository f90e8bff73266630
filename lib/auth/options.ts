import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "../env";
import { verifyPassword } from "./password";
import { signInSchema } from "../validation/auth";
import { authAdapter, bumpSessionVersion, findUserForSignIn, isSessionRevoked, loadUserById, revokeSession } from "../data/users";
import { clearLimit, hitLimit } from "../data/rate-limit";
import { safeCallbackUrl } from "../safe-redirect";
import { reportFailure } from "../errors";

/** Messages written for the person signing in; anything else is an unexpected failure. */
class SignInRefusal extends Error {}
import { clientAddress } from "../security/client-address";
import { waitText } from "../security/limits";

export const GENERIC_SIGNIN_ERROR = "That email and password don’t match an account. Check them and try again.";

/** The longest pause a flood of attempts on one email adds to each further attempt. */
const SLOWDOWN_MAX_MS = 3000;
/** A session lasts 30 days from its last use (next-auth renews the token as it is read). */
const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

export type ProviderButton = { id: string; name: string };

/** The "Continue with …" providers switched on by the environment. */
export function oauthProviders(): ProviderButton[] {
  const e = env();
  const list: ProviderButton[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) list.push({ id: "oidc", name: e.OIDC_NAME });
  return list;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const windowSeconds = e.SIGNIN_WINDOW_MINUTES * 60;
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await checkCredentials(credentials, req);
        } catch (e) {
          if (e instanceof SignInRefusal) throw new Error(e.message);
          // The database (or anything else) failed: never show the raw error in the form.
          throw new Error(reportFailure("signin", e).message);
        }
      },
    }),
  ];
  async function checkCredentials(credentials: Record<string, string> | undefined, req: { headers?: Record<string, unknown> } | undefined) {
    const parsed = signInSchema.safeParse(credentials ?? {});
    if (!parsed.success) throw new SignInRefusal(GENERIC_SIGNIN_ERROR);
    const { email, password } = parsed.data;
    // Limits that a stranger cannot turn against the account's owner: per client
    // address, and per (email, address). Attempts on one email from everywhere only
    // slow down (a growing pause), they never lock the owner out.
    const address = clientAddress(req?.headers);
    const byAddress = await hitLimit(`signin:addr:${address}`, e.SIGNIN_LIMIT_PER_ADDRESS, windowSeconds);
    const byPair = await hitLimit(`signin:pair:${address}:${email}`, e.SIGNIN_LIMIT_PER_EMAIL, windowSeconds);
    const blocked = [byAddress, byPair].filter((l) => !l.allowed);
    if (blocked.length) {
      const wait = Math.max(...blocked.map((l) => l.retryAfterSeconds));
      throw new SignInRefusal(`Too many sign-in attempts. Try again in ${waitText(wait)}.`);
    }
    const byEmail = await hitLimit(`signin:email:${email}`, e.SIGNIN_SLOWDOWN_PER_EMAIL, windowSeconds);
    if (!byEmail.allowed) await sleep(Math.min(SLOWDOWN_MAX_MS, 200 * (byEmail.count - e.SIGNIN_SLOWDOWN_PER_EMAIL)));
    const user = await findUserForSignIn(email);
    if (!(await verifyPassword(password, user?.passwordHash)) || !user) throw new SignInRefusal(GENERIC_SIGNIN_ERROR);
    await clearLimit(`signin:pair:${address}:${email}`);
    return { id: user.id, name: user.displayName, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
  }

  if (e.GITHUB_ID && e.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    const oidc: OAuthConfig<{ sub: string; name?: string; preferred_username?: string; email?: string; picture?: string }> = {
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      profile(p) {
        return { id: p.sub, name: p.name ?? p.preferred_username ?? p.email ?? "Marquee member", email: p.email ?? null, image: p.picture ?? null };
      },
    };
    providers.push(oidc);
  }

  cached = {
    adapter: authAdapter(),
    providers,
    secret: e.secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    useSecureCookies: e.secureCookies,
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      // Sign-out ends this session on the server too (a copied cookie stops working), and
      // only this one: the member's other browsers stay signed in. A token from before
      // session ids (no sid) can only be ended with all of them.
      async signOut({ token }) {
        if (!token?.sub) return;
        if (typeof token.sid === "string") {
          const exp = typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE * 1000;
          await revokeSession(token.sub, token.sid, new Date(exp));
        } else await bumpSessionVersion(token.sub, typeof token.sv === "number" ? token.sv : undefined);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const fresh = await loadUserById(user.id);
          token.sub = user.id;
          token.name = fresh?.name ?? user.name ?? null;
          token.role = fresh?.role ?? "MEMBER";
          // The session version at sign-in: bumping it on the user ends this session.
          token.sv = fresh?.sessionVersion ?? 0;
          // This session's own id: signing out revokes it alone.
          token.sid = randomUUID();
          return token;
        }
        // A signed-out session reads as no session at all, and is never renewed.
        if (typeof token.sid === "string" && (await isSessionRevoked(token.sid))) return {};
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user = { id: token.sub, name: token.name ?? "", email: token.email ?? null, role: token.role ?? "MEMBER" };
        session.sv = typeof token.sv === "number" ? token.sv : 0;
        return session;
      },
      async redirect({ url, baseUrl }) {
        const path = safeCallbackUrl(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url);
        return `${baseUrl}${path}`;
      },
    },
  };
  return cached;
}
