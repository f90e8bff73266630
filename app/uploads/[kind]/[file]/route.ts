import { serveUpload } from "@/lib/uploads/serve";

// Uploaded posters and trailers from UPLOAD_DIR (names never reused: cached for a year).
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ kind: string; file: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { kind, file } = await params;
  return serveUpload(req, kind, file);
}

export async function HEAD(req: Request, { params }: Ctx) {
  const { kind, file } = await params;
  return serveUpload(req, kind, file);
}
