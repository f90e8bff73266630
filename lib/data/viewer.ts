import "server-only";
// Per-member bits of a page (my review, my votes, my reports), fetched apart from the
// shared cached data so film and review pages stay cacheable for everyone else.
import { db } from "../db/client";
import type { ReviewItem } from "./reviews";
import type { SessionUser } from "./users";

export type MyReview = ReviewItem & { anonymous: boolean; status: "VISIBLE" | "FLAGGED" | "HIDDEN" };

export async function loadMyReview(userId: string, filmId: string): Promise<MyReview | null> {
  const prisma = await db();
  const r = await prisma.review.findUnique({
    where: { userId_filmId: { userId, filmId } },
    include: {
      user: { select: { displayName: true } },
      reply: { select: { id: true, body: true, status: true, createdAt: true, editedAt: true } },
      film: { select: { publisher: { select: { name: true } } } },
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    spoiler: r.spoiler,
    anonymous: r.anonymous,
    status: r.status,
    authorName: r.anonymous ? null : r.user.displayName,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
    helpfulYes: r.helpfulYes,
    helpfulNo: r.helpfulNo,
    reply:
      r.reply && r.reply.status === "VISIBLE"
        ? { id: r.reply.id, body: r.reply.body, publisherName: r.film.publisher?.name ?? "the filmmakers", createdAt: r.reply.createdAt.toISOString(), editedAt: r.reply.editedAt?.toISOString() ?? null }
        : null,
  };
}

export type ViewerMarks = { votes: Record<string, "YES" | "NO">; reported: string[]; own: string[] };

/** The member's votes and reports on these reviews, and which are their own: two queries. */
export async function loadViewerMarks(userId: string, reviewIds: string[]): Promise<ViewerMarks> {
  if (reviewIds.length === 0) return { votes: {}, reported: [], own: [] };
  const prisma = await db();
  const [votes, reports, own] = await Promise.all([
    prisma.helpfulVote.findMany({ where: { userId, reviewId: { in: reviewIds } }, select: { reviewId: true, value: true } }),
    prisma.report.findMany({ where: { userId, reviewId: { in: reviewIds } }, select: { reviewId: true } }),
    prisma.review.findMany({ where: { userId, id: { in: reviewIds } }, select: { id: true } }),
  ]);
  return {
    votes: Object.fromEntries(votes.map((v) => [v.reviewId, v.value])),
    reported: reports.map((r) => r.reviewId),
    own: own.map((r) => r.id),
  };
}

export async function isOnWishlist(userId: string, filmId: string): Promise<boolean> {
  const prisma = await db();
  return (await prisma.wishlistEntry.count({ where: { userId, filmId } })) > 0;
}

/** Everything the member's islands on one page need, for GET /api/me. */
export type MemberView = {
  user: { name: string; role: SessionUser["role"] };
  film: { slug: string; myReview: MyReview | null; wished: boolean } | null;
  marks: ViewerMarks;
};

export async function loadMemberView(user: SessionUser, q: { filmId?: string | null; filmSlug?: string; reviewIds: string[] }): Promise<MemberView> {
  const [film, marks] = await Promise.all([
    q.filmId && q.filmSlug
      ? Promise.all([loadMyReview(user.id, q.filmId), isOnWishlist(user.id, q.filmId)]).then(([myReview, wished]) => ({ slug: q.filmSlug!, myReview, wished }))
      : Promise.resolve(null),
    loadViewerMarks(user.id, q.reviewIds),
  ]);
  return { user: { name: user.name, role: user.role }, film, marks };
}
