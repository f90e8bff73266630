// Coarse request screening before Next decodes anything (Next 16 "proxy", formerly
// middleware). Only POSTs that carry a server action or go to next-auth reach it.
import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_MAX, checkFormActionBody, checkTextActionBody } from "./lib/security/action-body";

export const config = {
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    "/api/auth/:path*",
    // Only paths with a percent escape: a malformed one (invalid UTF-8, a lone
    // surrogate) makes Next's own decoding of route parameters answer 500.
    "/(.*%.*)",
  ],
};

function refuse(status: 400 | 413, message: string): NextResponse {
  return NextResponse.json({ error: { message, fields: {} } }, { status, headers: { "Cache-Control": "no-store" } });
}

function badPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname); // throws on invalid UTF-8, lone surrogates included
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (badPath(request.nextUrl.pathname)) return refuse(400, "Malformed address.");
  if (request.method !== "POST") return NextResponse.next();
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_MAX) return refuse(413, "The request is too large.");
  if (!request.headers.get("next-action")) return NextResponse.next();
  const type = request.headers.get("content-type") ?? "";
  let problem: string | null;
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      let size = 0;
      for (const [, v] of form) size += typeof v === "string" ? v.length : v.size;
      problem = size > ACTION_BODY_MAX ? "too large" : checkFormActionBody(form);
    } else {
      problem = checkTextActionBody(await request.text());
    }
  } catch {
    problem = "unreadable";
  }
  if (problem === "too large") return refuse(413, "The request is too large.");
  if (problem) return refuse(400, `Malformed request: ${problem}.`);
  return NextResponse.next();
}
