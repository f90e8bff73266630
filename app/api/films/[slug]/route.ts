import { getFilmBySlug } from "@/lib/data/films";
import { apiFilmDetail } from "@/lib/api/films";
import { handle, notFound, ok } from "@/lib/api/http";
import { isSlug } from "@/lib/slug";
import { filmDetailResponseSchema } from "@/lib/validation/api";

// Cached like the film page (generated on first request, expired by the film's tags).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

/** GET /api/films/[slug] — one film with its rating summary (README.md, "Public API"). */
export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await params;
    const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
    if (!film) return notFound("Film not found");
    return ok(filmDetailResponseSchema, { data: apiFilmDetail(film) });
  });
}
