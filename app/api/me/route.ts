import type { NextRequest } from "next/server";
import { answerMemberRequest } from "@/lib/viewer/member-request";

export const dynamic = "force-dynamic";

/**
 * The signed-in member's own bits of a cached page, in one request (lib/viewer/member-request.ts).
 * The production server answers most of these without entering Next (scripts/server.mjs);
 * this route is the same answer through Next (the first request, `next dev`, and any
 * request the direct path could not answer).
 */
export async function GET(req: NextRequest) {
  const a = await answerMemberRequest({ cookie: req.headers.get("cookie") ?? undefined, search: req.nextUrl.searchParams });
  const headers = new Headers();
  for (const [k, v] of a.headers) headers.append(k, v);
  return new Response(a.body, { status: a.status, headers });
}
