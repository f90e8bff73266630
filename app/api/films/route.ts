import { getFilmPage } from "@/lib/data/film-lists";
import { getGenreBySlug } from "@/lib/data/genres";
import { apiFilmSummary } from "@/lib/api/films";
import { badRequest, handle, ok, queryOf } from "@/lib/api/http";
import { filmListQuerySchema, filmListResponseSchema } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** GET /api/films?q=&genre=&sort=&cursor=&dir=&limit= — a page of films (README.md, "Public API"). */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = filmListQuerySchema.safeParse(queryOf(request));
    if (!parsed.success) return badRequest(parsed.error);
    const q = parsed.data;
    const genre = q.genre ? await getGenreBySlug(q.genre) : null;
    if (q.genre && !genre) return badRequest({ message: "Unknown genre", fields: { genre: [`No genre "${q.genre}"`] } });
    const page = await getFilmPage({ sort: q.sort, genreId: genre?.id, q: q.q, cursor: q.cursor, dir: q.dir, limit: q.limit });
    return ok(filmListResponseSchema, { data: page.items.map(apiFilmSummary), nextCursor: page.next, prevCursor: page.prev });
  });
}
