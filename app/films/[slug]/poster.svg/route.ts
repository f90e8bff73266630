import type { NextRequest } from "next/server";
import { getFilmBySlug } from "@/lib/data/films";
import { posterSvg } from "@/lib/poster";
import { posterVersion } from "@/lib/poster-url";
import { isSlug } from "@/lib/slug";

export async function GET(req: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return new Response("Not found", { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  // The current address (?v= of this title and year) never changes content: cache it for
  // a year. Any other address gets the current poster for a short while.
  const current = req.nextUrl.searchParams.get("v") === posterVersion(film.title, film.year);
  return new Response(posterSvg(film.slug, film.title, film.year), {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
