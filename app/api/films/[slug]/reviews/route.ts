import { findFilmReviews } from "@/lib/data/reviews";
import { apiReview } from "@/lib/api/films";
import { badRequest, handle, notFound, ok, queryOf } from "@/lib/api/http";
import { isSlug } from "@/lib/slug";
import { reviewListResponseSchema, reviewsQuerySchema } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** GET /api/films/[slug]/reviews?sort=&rating=&cursor=&dir=&limit= — a page of visible reviews. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const { slug } = await params;
    const parsed = reviewsQuerySchema.safeParse(queryOf(request));
    if (!parsed.success) return badRequest(parsed.error);
    const found = isSlug(slug) ? await findFilmReviews(slug, parsed.data) : ({ kind: "not-found" } as const);
    if (found.kind === "not-found") return notFound("Film not found");
    return ok(reviewListResponseSchema, { data: found.page.items.map(apiReview), nextCursor: found.page.next, prevCursor: found.page.prev });
  });
}
