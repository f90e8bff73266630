import { servePoster } from "@/lib/media/serve";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ file: string }> };

export async function GET(req: Request, { params }: Ctx) {
  return servePoster(req, (await params).file);
}

export async function HEAD(req: Request, { params }: Ctx) {
  return servePoster(req, (await params).file);
}
