import "server-only";
// Filmmaker replies: the film's publisher (or an editor) answers a review, once; the
// reply can be edited and deleted, and is reported and moderated like a review.
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { canEditCatalog, canModerate } from "../auth/roles";
import { fail, fromZod, type Result } from "../result";
import { replyInputSchema, replyModerationSchema, replyReportSchema, replyTargetSchema } from "../validation/film";
import { diffSummary, writeAudit } from "./audit";
import { newId } from "./film-writes";
import type { Actor } from "../auth/actor";
import { writeTx, type Tx } from "./tx";

/** The name replies are signed with when the film has no publisher. */
export const FALLBACK_PUBLISHER = "the filmmakers";

type Target = { reviewId: string; reviewStatus: string; filmId: string; filmSlug: string; filmTitle: string; publisherId: string | null; authorName: string };

async function lockTarget(tx: Tx, reviewId: string): Promise<Target | null> {
  const rows = await tx.$queryRaw<Target[]>(Prisma.sql`
    SELECT r.id AS "reviewId", r.status::text AS "reviewStatus", f.id AS "filmId", f.slug AS "filmSlug", f.title AS "filmTitle",
           f."publisherId", u."displayName" AS "authorName"
    FROM "Review" r JOIN "Film" f ON f.id = r."filmId" JOIN "User" u ON u.id = r."userId"
    WHERE r.id = ${reviewId} FOR UPDATE OF r`);
  return rows[0] ?? null;
}

/** May this member answer reviews of a film published by `publisherId`? */
export function canReplyTo(actor: Actor & { publisherId?: string | null }, publisherId: string | null): boolean {
  if (!actor) return false;
  if (canEditCatalog(actor)) return true;
  return actor.role === "PUBLISHER" && !!actor.publisherId && actor.publisherId === publisherId;
}

async function actorPublisher(tx: Tx, actorId: string): Promise<string | null> {
  const u = await tx.user.findUnique({ where: { id: actorId }, select: { publisherId: true } });
  return u?.publisherId ?? null;
}

export type ReplyOutcome = { filmSlug: string; replyId: string };

export async function saveReply(actor: Actor, raw: unknown): Promise<Result<ReplyOutcome>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  const parsed = replyInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { reviewId, body } = parsed.data;
  return writeTx(async (tx) => {
    const t = await lockTarget(tx, reviewId);
    if (!t || t.reviewStatus === "HIDDEN") return fail("That review is no longer available.", "not-found");
    if (!canReplyTo({ ...actor, publisherId: await actorPublisher(tx, actor.id) }, t.publisherId))
      return fail("Only the film’s publisher or a catalog editor can reply to this review.", "forbidden");
    const existing = await tx.reviewReply.findUnique({ where: { reviewId }, select: { id: true, body: true } });
    const label = `${t.filmTitle}: review by ${t.authorName}`;
    if (existing) {
      await tx.reviewReply.update({ where: { id: existing.id }, data: { body, editedAt: new Date(), authorId: actor.id }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        kind: "reply.update",
        targetType: "reply",
        targetId: existing.id,
        targetLabel: label,
        summary: diffSummary({ body: existing.body }, { body }),
      });
      return { ok: true, message: "Your reply was updated.", data: { filmSlug: t.filmSlug, replyId: existing.id } };
    }
    const id = newId("reply");
    await tx.reviewReply.create({ data: { id, reviewId, authorId: actor.id, body }, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      kind: "reply.create",
      targetType: "reply",
      targetId: id,
      targetLabel: label,
      summary: diffSummary(null, { body }),
    });
    return { ok: true, message: "Your reply is posted.", data: { filmSlug: t.filmSlug, replyId: id } };
  });
}

export async function deleteReply(actor: Actor, raw: unknown): Promise<Result<ReplyOutcome>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  const parsed = replyTargetSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  return writeTx(async (tx) => {
    const t = await lockTarget(tx, parsed.data.reviewId);
    const existing = t ? await tx.reviewReply.findUnique({ where: { reviewId: t.reviewId }, select: { id: true, body: true } }) : null;
    if (!t || !existing) return fail("That reply no longer exists.", "not-found");
    if (!canReplyTo({ ...actor, publisherId: await actorPublisher(tx, actor.id) }, t.publisherId))
      return fail("Only the film’s publisher or a catalog editor can delete this reply.", "forbidden");
    await tx.reviewReply.delete({ where: { id: existing.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      kind: "reply.delete",
      targetType: "reply",
      targetId: existing.id,
      targetLabel: `${t.filmTitle}: review by ${t.authorName}`,
      summary: diffSummary({ body: existing.body }, null),
    });
    return { ok: true, message: "Your reply was deleted.", data: { filmSlug: t.filmSlug, replyId: existing.id } };
  });
}

type LockedReply = { id: string; authorId: string; status: string; filmSlug: string; label: string };

async function lockReply(tx: Tx, replyId: string): Promise<LockedReply | null> {
  const rows = await tx.$queryRaw<LockedReply[]>(Prisma.sql`
    SELECT rr.id, rr."authorId", rr.status::text AS status, f.slug AS "filmSlug", f.title || ': reply to ' || u."displayName" AS label
    FROM "ReviewReply" rr JOIN "Review" r ON r.id = rr."reviewId" JOIN "Film" f ON f.id = r."filmId" JOIN "User" u ON u.id = r."userId"
    WHERE rr.id = ${replyId} FOR UPDATE OF rr`);
  return rows[0] ?? null;
}

export async function reportReply(actor: Actor, raw: unknown, hideThreshold: number): Promise<Result<{ filmSlug: string; hidden: boolean }>> {
  if (!actor) return fail("Sign in to report a reply.", "unauthenticated");
  const parsed = replyReportSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error, "Choose a reason for your report.");
  const { replyId, reason, note } = parsed.data;
  return writeTx(async (tx) => {
    const r = await lockReply(tx, replyId);
    if (!r) return fail("That reply no longer exists.", "not-found");
    if (r.authorId === actor.id) return fail("You can’t report your own reply.", "forbidden");
    const already = await tx.replyReport.findUnique({ where: { userId_replyId: { userId: actor.id, replyId } }, select: { id: true } });
    if (already) return fail("You have already reported this reply. Our moderators will look at it.", "conflict");
    await tx.replyReport.create({ data: { id: newId("rreport"), userId: actor.id, replyId, reason, note }, select: { id: true } });
    await tx.reviewReply.update({ where: { id: replyId }, data: { reportCount: { increment: 1 } }, select: { id: true } });
    const open = await tx.replyReport.count({ where: { replyId, status: "OPEN" } });
    let hidden = false;
    if (r.status === "VISIBLE" && open >= hideThreshold) {
      await tx.reviewReply.update({ where: { id: replyId }, data: { status: "FLAGGED" }, select: { id: true } });
      hidden = true;
    }
    return { ok: true, message: "Thanks for letting us know. Our moderators will review it.", data: { filmSlug: r.filmSlug, hidden } };
  });
}

export async function moderateReply(actor: Actor, raw: unknown): Promise<Result<{ filmSlug: string; status: string }>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  if (!canModerate(actor)) return fail("Only moderators can do that.", "forbidden");
  const parsed = replyModerationSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { replyId, decision } = parsed.data;
  return writeTx(async (tx) => {
    const r = await lockReply(tx, replyId);
    if (!r) return fail("That reply no longer exists.", "not-found");
    const now = new Date();
    let status = r.status;
    if (decision === "hide") {
      status = "HIDDEN";
      await tx.replyReport.updateMany({ where: { replyId, status: "OPEN" }, data: { status: "RESOLVED", resolvedAt: now } });
    } else {
      if (r.status !== "VISIBLE" && (decision === "restore" || r.status === "FLAGGED")) status = "VISIBLE";
      await tx.replyReport.updateMany({ where: { replyId, status: "OPEN" }, data: { status: "DISMISSED", resolvedAt: now } });
    }
    if (status !== r.status) await tx.reviewReply.update({ where: { id: replyId }, data: { status: status as "VISIBLE" | "HIDDEN" }, select: { id: true } });
    await writeAudit(tx, {
      actorId: actor.id,
      kind: `reply.${decision}`,
      targetType: "reply",
      targetId: replyId,
      targetLabel: r.label,
      summary: `status: ${r.status} → ${status}`,
    });
    return {
      ok: true,
      message: decision === "hide" ? "Reply hidden." : decision === "restore" ? "Reply restored." : "Reports dismissed.",
      data: { filmSlug: r.filmSlug, status },
    };
  });
}

// ---------- reads ----------

export type ReplyQueueItem = {
  replyId: string;
  status: string;
  body: string;
  film: { slug: string; title: string };
  publisherName: string;
  openReports: number;
};

/** Replies waiting for a moderator: open reports or auto-hidden. */
export async function loadReplyQueue(limit = 100): Promise<ReplyQueueItem[]> {
  const prisma = await db();
  const rows = await prisma.reviewReply.findMany({
    where: { OR: [{ status: "FLAGGED" }, { reports: { some: { status: "OPEN" } } }] },
    include: {
      review: { include: { film: { select: { slug: true, title: true, publisher: { select: { name: true } } } } } },
      reports: { where: { status: "OPEN" }, select: { id: true } },
    },
    orderBy: [{ reportCount: "desc" }, { createdAt: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({
    replyId: r.id,
    status: r.status,
    body: r.body,
    film: { slug: r.review.film.slug, title: r.review.film.title },
    publisherName: r.review.film.publisher?.name ?? FALLBACK_PUBLISHER,
    openReports: r.reports.length,
  }));
}

export type ReplyDeskItem = {
  reviewId: string;
  rating: number;
  body: string | null;
  authorName: string;
  createdAt: string;
  reply: { body: string; status: string; editedAt: string | null } | null;
};

export type ReplyDeskFilm = { id: string; slug: string; title: string; publisherName: string | null };

/** Films this member may answer reviews of (their publisher's, or any for editors). */
export async function listReplyableFilms(actor: { id: string; role: string; publisherId?: string | null }, q?: string): Promise<ReplyDeskFilm[]> {
  const prisma = await db();
  const editor = canEditCatalog(actor as Parameters<typeof canEditCatalog>[0]);
  if (!editor && !(actor.role === "PUBLISHER" && actor.publisherId)) return [];
  const rows = await prisma.film.findMany({
    where: {
      ...(editor ? {} : { publisherId: actor.publisherId! }),
      ...(q ? { title: { contains: q.slice(0, 100), mode: "insensitive" as const } } : {}),
    },
    select: { id: true, slug: true, title: true, publisher: { select: { name: true } } },
    orderBy: { title: "asc" },
    take: 50,
  });
  return rows.map((f) => ({ id: f.id, slug: f.slug, title: f.title, publisherName: f.publisher?.name ?? null }));
}

/** The newest reviews of a film with text, and their replies (for the reply desk). */
export async function listReviewsForReply(filmId: string, limit = 50): Promise<ReplyDeskItem[]> {
  const prisma = await db();
  const rows = await prisma.review.findMany({
    where: { filmId, status: { not: "HIDDEN" } },
    include: { user: { select: { displayName: true } }, reply: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({
    reviewId: r.id,
    rating: r.rating,
    body: r.body,
    authorName: r.anonymous ? "A Marquee user" : r.user.displayName,
    createdAt: r.createdAt.toISOString(),
    reply: r.reply ? { body: r.reply.body, status: r.reply.status, editedAt: r.reply.editedAt?.toISOString() ?? null } : null,
  }));
}
