import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { MEMBER_HINT_COOKIE } from "@/lib/viewer/hint";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=([^;]*)/;

/**
 * Keeps the readable member hint (lib/viewer/hint.ts) in step with next-auth's session
 * cookie: set when a session cookie is issued, cleared when it is removed.
 */
function withMemberHint(res: Response): Response {
  const cookies = res.headers.getSetCookie?.() ?? [];
  let issued: boolean | undefined;
  for (const c of cookies) {
    const m = SESSION_COOKIE.exec(c);
    if (!m) continue;
    const cleared = m[1] === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c);
    issued = issued || !cleared;
  }
  if (issued === undefined) return res;
  const headers = new Headers(res.headers);
  headers.append(
    "Set-Cookie",
    issued ? `${MEMBER_HINT_COOKIE}=1; Path=/; Max-Age=${30 * 24 * 3600}; SameSite=Lax` : `${MEMBER_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`,
  );
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

async function handler(req: Request, ctx: Ctx) {
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await ctx.params;
  const res = (await NextAuth(req as never, { params } as never, authOptions())) as Response;
  return withMemberHint(res);
}

export { handler as GET, handler as POST };
