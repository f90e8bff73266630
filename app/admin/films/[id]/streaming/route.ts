import { getCurrentUser } from "@/lib/auth/session";
import { canEditCatalog } from "@/lib/auth/roles";
import { loadFilmForEdit } from "@/lib/data/film-writes";
import { streamingStatus } from "@/lib/media/streaming";

// The film editor's view of its trailer's streaming versions (polled while they are made).
export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return json(401, { error: "Sign in to see this." });
  if (!canEditCatalog(user)) return json(403, { error: "Only catalog editors can see this." });
  const { id } = await ctx.params;
  const film = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await loadFilmForEdit(id) : null;
  if (!film) return json(404, { error: "No such film." });
  return json(200, streamingStatus(film.slug));
}
