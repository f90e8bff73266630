import "server-only";
// Per-member bits of a page (my review, my votes, my reports), fetched apart from the
// shared cached data so film and review pages stay cacheable for everyone else.
import { db, getDb } from "../db/client";
import { runPrepared } from "../db/prepared";
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
        ? {
            id: r.reply.id,
            body: r.reply.body,
            publisherName: r.film.publisher?.name ?? "the filmmakers",
            createdAt: r.reply.createdAt.toISOString(),
            editedAt: r.reply.editedAt?.toISOString() ?? null,
          }
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

/** Everything the member's islands on one page need, for GET /api/me. */
export type MemberView = {
  user: { name: string; role: SessionUser["role"] };
  film: { slug: string; myReview: MyReview | null; wished: boolean } | null;
  marks: ViewerMarks;
};

type MemberRow = {
  name: string;
  role: SessionUser["role"];
  sv: number;
  revoked: boolean;
  filmId: string | null;
  filmSlug: string | null;
  wished: boolean;
  myReviewId: string | null;
  votes: Record<string, "YES" | "NO"> | null;
  reported: string[] | null;
  own: string[] | null;
};

/**
 * The member view in one statement: the member, the film by its slug when it is
 * published, their wishlist mark and review id for it, their votes, reports and own
 * reviews among the cards shown, and whether this session was signed out. $1 the film's
 * slug, $2 the review ids, $3 the member, $4 the session's id.
 */
const MEMBER_VIEW_SQL = `
  WITH f AS (SELECT id, slug FROM "Film" WHERE slug = $1::text AND published)
  SELECT u."displayName" AS name, u.role::text AS role, u."sessionVersion" AS sv,
    EXISTS (SELECT 1 FROM "RevokedSession" s WHERE s.sid = $4::text) AS revoked,
    (SELECT id FROM f) AS "filmId", (SELECT slug FROM f) AS "filmSlug",
    EXISTS (SELECT 1 FROM "WishlistEntry" w WHERE w."userId" = u.id AND w."filmId" = (SELECT id FROM f)) AS wished,
    (SELECT r.id FROM "Review" r WHERE r."userId" = u.id AND r."filmId" = (SELECT id FROM f)) AS "myReviewId",
    (SELECT json_object_agg(v."reviewId", v.value) FROM "HelpfulVote" v WHERE v."userId" = u.id AND v."reviewId" = ANY($2::text[])) AS votes,
    (SELECT json_agg(p."reviewId") FROM "Report" p WHERE p."userId" = u.id AND p."reviewId" = ANY($2::text[])) AS reported,
    (SELECT json_agg(o.id) FROM "Review" o WHERE o."userId" = u.id AND o.id = ANY($2::text[])) AS own
  FROM "User" u WHERE u.id = $3::text`;

/**
 * The member view ({@link MEMBER_VIEW_SQL}), plus one more statement only when they have
 * reviewed the film. Null when the account is gone, this session was signed out, or the
 * session's version is no longer the member's (signed out everywhere, password changed).
 * GET /api/me runs on every member page view: one round trip keeps it cheap.
 */
export async function loadMemberView(
  session: { userId: string; sessionVersion: number; sid?: string | null },
  q: { filmSlug?: string; reviewIds: string[] },
): Promise<MemberView | null> {
  const slug = q.filmSlug ?? null;
  // text cannot hold NUL (the database refuses it): no such member, film or review
  if ([slug ?? "", session.userId, session.sid ?? "", ...q.reviewIds].some((v) => v.includes("\0"))) return null;
  const sid = session.sid ?? null;
  const h = await getDb();
  const rows = h.opened.pglite
    ? await runPrepared<MemberRow>(
        h.opened.pglite,
        "marquee_member_view",
        MEMBER_VIEW_SQL,
        [slug, q.reviewIds, session.userId, sid],
        ["text", "text[]", "text", "text"],
      )
    : await h.prisma.$queryRawUnsafe<MemberRow[]>(MEMBER_VIEW_SQL, slug, q.reviewIds, session.userId, sid);
  const row = rows[0];
  if (!row || Number(row.sv) !== session.sessionVersion || row.revoked) return null;
  const myReview = row.filmId && row.myReviewId ? await loadMyReview(session.userId, row.filmId) : null;
  return {
    user: { name: row.name, role: row.role },
    film: row.filmId && row.filmSlug ? { slug: row.filmSlug, myReview, wished: row.wished } : null,
    marks: { votes: row.votes ?? {}, reported: row.reported ?? [], own: row.own ?? [] },
  };
}
