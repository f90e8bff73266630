import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "../env";
import { verifyPassword } from "./password";
import { signInSchema } from "../validation/auth";
import { authAdapter, findUserForSignIn, getUserById } from "../data/users";
import { clearLimit, hitLimit } from "../data/rate-limit";
import { safeCallbackUrl } from "../safe-redirect";
import { reportFailure } from "../errors";

/** Messages written for the person signing in; anything else is an unexpected failure. */
class SignInRefusal extends Error {}

export const GENERIC_SIGNIN_ERROR = "That email and password don’t match an account. Check them and try again.";

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

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const h = headers ?? {};
  const xff = typeof h["x-forwarded-for"] === "string" ? (h["x-forwarded-for"] as string).split(",")[0]!.trim() : "";
  const real = typeof h["x-real-ip"] === "string" ? (h["x-real-ip"] as string) : "";
  return xff || real || "unknown";
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? "1 minute" : `${m} minutes`;
}

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
    const byAddress = await hitLimit(`signin:addr:${clientAddress(req?.headers)}`, e.SIGNIN_LIMIT_PER_ADDRESS, windowSeconds);
    const byEmail = await hitLimit(`signin:email:${email}`, e.SIGNIN_LIMIT_PER_EMAIL, windowSeconds);
    const blocked = [byAddress, byEmail].filter((l) => !l.allowed);
    if (blocked.length) {
      const wait = Math.max(...blocked.map((l) => l.retryAfterSeconds));
      throw new SignInRefusal(`Too many sign-in attempts. Try again in ${minutes(wait)}.`);
    }
    const user = await findUserForSignIn(email);
    if (!(await verifyPassword(password, user?.passwordHash)) || !user) throw new SignInRefusal(GENERIC_SIGNIN_ERROR);
    await clearLimit(`signin:email:${email}`);
    return { id: user.id, name: user.displayName, email: user.email, role: user.role };
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
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: e.secureCookies,
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const fresh = await getUserById(user.id);
          token.sub = user.id;
          token.name = fresh?.name ?? user.name ?? null;
          token.role = fresh?.role ?? "MEMBER";
        }
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user = { id: token.sub, name: token.name ?? "", email: token.email ?? null, role: token.role ?? "MEMBER" };
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
