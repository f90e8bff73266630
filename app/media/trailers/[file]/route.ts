import { serveTrailer } from "@/lib/media/serve";

// Files on disk, read per request (with Range): nothing to prerender.
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ file: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return serveTrailer(req, (await params).file);
}

export async function HEAD(req: Request, { params }: Ctx) {
  return serveTrailer(req, (await params).file);
}
