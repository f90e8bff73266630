import { NextResponse, type NextRequest } from "next/server";
import { extendSession, readSessionClaims } from "@/lib/auth/reissue";
import { getFilmBySlug } from "@/lib/data/films";
import { loadMemberView } from "@/lib/data/viewer";
import { viewerQuerySchema } from "@/lib/validation/viewer";
import { MEMBER_HINT_COOKIE } from "@/lib/viewer/hint";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/**
 * The signed-in member's own bits of a cached page, in one request: who they are, their
 * review and wishlist state for the film, their votes and reports on the cards shown.
 * Never cached. A visitor gets `{ user: null }` and loses the stale member hint.
 */
export async function GET(req: NextRequest) {
  const sp = req.nextUrl.searchParams;
  const q = viewerQuerySchema.safeParse({ film: sp.get("film") ?? undefined, reviews: sp.get("reviews") ?? undefined });
  if (!q.success) return NextResponse.json({ error: "Bad film or review list." }, { status: 400, headers: PRIVATE });
  // The cookie is decoded here rather than through getServerSession: this runs on every
  // member page view, and the member view's one query checks the session version.
  const claims = await readSessionClaims();
  const film = claims && q.data.film ? await getFilmBySlug(q.data.film) : null;
  const view = claims ? await loadMemberView(claims, { filmId: film?.id ?? null, filmSlug: film?.slug, reviewIds: q.data.reviews }) : null;
  if (!view) {
    const res = NextResponse.json({ user: null }, { headers: PRIVATE });
    res.cookies.set(MEMBER_HINT_COOKIE, "", { path: "/", maxAge: 0 });
    return res;
  }
  if (claims?.stale) await extendSession();
  return NextResponse.json(view, { headers: PRIVATE });
}
