import { serveHls } from "@/lib/media/serve";

// Files on disk (versioned, immutable), read per request with Range: nothing to prerender.
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ path: string[] }> };

export async function GET(req: Request, { params }: Ctx) {
  return serveHls(req, (await params).path);
}

export async function HEAD(req: Request, { params }: Ctx) {
  return serveHls(req, (await params).path);
}
