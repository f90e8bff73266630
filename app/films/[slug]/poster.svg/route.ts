import { getFilmBySlug } from "@/lib/data/films";
import { posterSvg } from "@/lib/poster";
import { isSlug } from "@/lib/slug";

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return new Response("Not found", { status: 404 });
  return new Response(posterSvg(film.slug, film.title, film.year), {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" },
  });
}
