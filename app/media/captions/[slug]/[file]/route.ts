import { serveCaptions } from "@/lib/media/serve-captions";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; file: string }> };

export async function GET(req: Request, { params }: Ctx) {
  const { slug, file } = await params;
  return serveCaptions(req, slug, file);
}
