import "server-only";
// Every write to reviews, votes and reports, with the counters that summarise them
// changed in the same transaction. Callers pass the acting member (or null); the
// functions check everything themselves: a server action is a public POST.
import { Prisma } from "../generated/prisma/client";
import { wilsonLowerBound } from "../ratings";
import { fail, fromZod, type Result } from "../result";
import { moderationInputSchema, reportInputSchema, reviewIdSchema, reviewInputSchema, voteInputSchema } from "../validation/review";
import type { SessionUser } from "./users";
import { writeTx, type Tx } from "./tx";

export type Actor = Pick<SessionUser, "id" | "role"> | null;

const SIGN_IN = "Sign in to do that.";

async function bumpFilm(tx: Tx, filmId: string, rating: number, delta: 1 | -1) {
  const star = `rating${rating}` as "rating1" | "rating2" | "rating3" | "rating4" | "rating5";
  await tx.film.update({
    where: { id: filmId },
    data: { reviewCount: { increment: delta }, ratingSum: { increment: delta * rating }, [star]: { increment: delta } },
    select: { id: true },
  });
}

type LockedReview = {
  id: string;
  userId: string;
  filmId: string;
  rating: number;
  status: "VISIBLE" | "FLAGGED" | "HIDDEN";
  helpfulYes: number;
  helpfulNo: number;
  slug: string;
};

/** Reads a review and locks its row until the transaction ends. */
async function lockReview(tx: Tx, reviewId: string): Promise<LockedReview | null> {
  const rows = await tx.$queryRaw<LockedReview[]>(Prisma.sql`
    SELECT r.id, r."userId", r."filmId", r.rating, r.status::text AS status, r."helpfulYes", r."helpfulNo", f.slug
    FROM "Review" r JOIN "Film" f ON f.id = r."filmId"
    WHERE r.id = ${reviewId} FOR UPDATE OF r`);
  const r = rows[0];
  return r ? { ...r, rating: Number(r.rating), helpfulYes: Number(r.helpfulYes), helpfulNo: Number(r.helpfulNo) } : null;
}

// ---------------------------------------------------------------- reviews

export type SavedReview = { reviewId: string; filmSlug: string; created: boolean };

/** Writes the member's review of a film: creates it, or edits the one they have. */
export async function saveReview(actor: Actor, raw: unknown): Promise<Result<SavedReview>> {
  if (!actor) return fail("Sign in to rate and review films.", "unauthenticated");
  const parsed = reviewInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const input = parsed.data;
  return writeTx(async (tx) => {
    const film = await tx.film.findUnique({ where: { id: input.filmId }, select: { id: true, slug: true } });
    if (!film) return fail("This film is no longer in the catalog.", "not-found");
    const mine = await tx.$queryRaw<{ id: string; rating: number; status: string }[]>(Prisma.sql`
      SELECT id, rating, status::text AS status FROM "Review" WHERE "userId" = ${actor.id} AND "filmId" = ${film.id} FOR UPDATE`);
    const existing = mine[0];
    const fields = { rating: input.rating, body: input.body, anonymous: input.anonymous, spoiler: input.spoiler };
    if (existing) {
      await tx.review.update({ where: { id: existing.id }, data: { ...fields, editedAt: new Date() }, select: { id: true } });
      if (existing.status === "VISIBLE" && Number(existing.rating) !== input.rating) {
        await bumpFilm(tx, film.id, Number(existing.rating), -1);
        await bumpFilm(tx, film.id, input.rating, 1);
      }
      return { ok: true, message: "Your review was updated.", data: { reviewId: existing.id, filmSlug: film.slug, created: false } };
    }
    const created = await tx.review.create({ data: { ...fields, filmId: film.id, userId: actor.id }, select: { id: true } });
    await bumpFilm(tx, film.id, input.rating, 1);
    return { ok: true, message: "Thanks! Your review is posted.", data: { reviewId: created.id, filmSlug: film.slug, created: true } };
  });
}

export async function deleteReview(actor: Actor, raw: unknown): Promise<Result<{ filmSlug: string }>> {
  if (!actor) return fail(SIGN_IN, "unauthenticated");
  const parsed = reviewIdSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  return writeTx(async (tx) => {
    const r = await lockReview(tx, parsed.data.reviewId);
    if (!r) return fail("That review no longer exists.", "not-found");
    if (r.userId !== actor.id) return fail("You can only delete your own review.", "forbidden");
    await tx.review.delete({ where: { id: r.id } });
    if (r.status === "VISIBLE") await bumpFilm(tx, r.filmId, r.rating, -1);
    return { ok: true, message: "Your review was deleted.", data: { filmSlug: r.slug } };
  });
}

// ---------------------------------------------------------------- helpful votes

export type VoteState = { reviewId: string; filmSlug: string; yes: number; no: number; myVote: "YES" | "NO" | null };

/** Sets, moves or (value null) withdraws the member's helpful vote on a review. */
export async function voteOnReview(actor: Actor, raw: unknown): Promise<Result<VoteState>> {
  if (!actor) return fail("Sign in to say whether a review helped you.", "unauthenticated");
  const parsed = voteInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { reviewId, value } = parsed.data;
  return writeTx(async (tx) => {
    const r = await lockReview(tx, reviewId);
    if (!r || r.status !== "VISIBLE") return fail("That review is no longer available.", "not-found");
    if (r.userId === actor.id) return fail("You can’t vote on your own review.", "forbidden");
    const existing = await tx.helpfulVote.findUnique({ where: { userId_reviewId: { userId: actor.id, reviewId } }, select: { value: true } });
    let yes = r.helpfulYes - (existing?.value === "YES" ? 1 : 0);
    let no = r.helpfulNo - (existing?.value === "NO" ? 1 : 0);
    if (value === null) {
      if (existing) await tx.helpfulVote.delete({ where: { userId_reviewId: { userId: actor.id, reviewId } } });
    } else {
      await tx.helpfulVote.upsert({
        where: { userId_reviewId: { userId: actor.id, reviewId } },
        create: { userId: actor.id, reviewId, value },
        update: { value },
        select: { id: true },
      });
      if (value === "YES") yes += 1;
      else no += 1;
    }
    await tx.review.update({ where: { id: reviewId }, data: { helpfulYes: yes, helpfulNo: no, helpfulScore: wilsonLowerBound(yes, no) }, select: { id: true } });
    return { ok: true, data: { reviewId, filmSlug: r.slug, yes, no, myVote: value } };
  });
}

// ---------------------------------------------------------------- reports and moderation

/**
 * Records a report. Only reports from established members count toward hiding the
 * review automatically (an account older than `minAccountAgeHours` with at least one
 * visible review of its own), so a few fresh throwaway accounts cannot hide one; every
 * report still reaches the moderation queue.
 */
export async function reportReview(actor: Actor, raw: unknown, hideThreshold: number, minAccountAgeHours = 24): Promise<Result<{ filmSlug: string; hidden: boolean }>> {
  if (!actor) return fail("Sign in to report a review.", "unauthenticated");
  const parsed = reportInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error, "Choose a reason for your report.");
  const { reviewId, reason, note } = parsed.data;
  return writeTx(async (tx) => {
    const r = await lockReview(tx, reviewId);
    if (!r) return fail("That review no longer exists.", "not-found");
    if (r.userId === actor.id) return fail("You can’t report your own review.", "forbidden");
    const already = await tx.report.findUnique({ where: { userId_reviewId: { userId: actor.id, reviewId } }, select: { id: true } });
    if (already) return fail("You have already reported this review. Our moderators will look at it.", "conflict");
    await tx.report.create({ data: { userId: actor.id, reviewId, reason, note }, select: { id: true } });
    await tx.review.update({ where: { id: reviewId }, data: { reportCount: { increment: 1 } }, select: { id: true } });
    const establishedBefore = new Date(Date.now() - minAccountAgeHours * 3_600_000);
    const open = await tx.report.count({
      where: { reviewId, status: "OPEN", user: { createdAt: { lte: establishedBefore }, reviews: { some: { status: "VISIBLE" } } } },
    });
    let hidden = false;
    if (r.status === "VISIBLE" && open >= hideThreshold) {
      await tx.review.update({ where: { id: reviewId }, data: { status: "FLAGGED" }, select: { id: true } });
      await bumpFilm(tx, r.filmId, r.rating, -1);
      hidden = true;
    }
    return { ok: true, message: "Thanks for letting us know. Our moderators will review it.", data: { filmSlug: r.slug, hidden } };
  });
}

export type ModerationOutcome = { filmSlug: string; status: "VISIBLE" | "FLAGGED" | "HIDDEN" };

/**
 * A moderator's decision on a review: hide it (it leaves every count), restore it
 * (back in the counts; open reports dismissed), or dismiss the reports (an auto-hidden
 * review comes back).
 */
export async function moderateReview(actor: Actor, raw: unknown): Promise<Result<ModerationOutcome>> {
  if (!actor) return fail(SIGN_IN, "unauthenticated");
  if (actor.role !== "ADMIN") return fail("Only moderators can do that.", "forbidden");
  const parsed = moderationInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { reviewId, decision } = parsed.data;
  return writeTx(async (tx) => {
    const r = await lockReview(tx, reviewId);
    if (!r) return fail("That review no longer exists.", "not-found");
    const now = new Date();
    let status = r.status;
    if (decision === "hide") {
      if (r.status === "VISIBLE") await bumpFilm(tx, r.filmId, r.rating, -1);
      status = "HIDDEN";
      await tx.report.updateMany({ where: { reviewId, status: "OPEN" }, data: { status: "RESOLVED", resolvedAt: now } });
    } else {
      if (r.status !== "VISIBLE" && (decision === "restore" || r.status === "FLAGGED")) {
        await bumpFilm(tx, r.filmId, r.rating, 1);
        status = "VISIBLE";
      }
      await tx.report.updateMany({ where: { reviewId, status: "OPEN" }, data: { status: "DISMISSED", resolvedAt: now } });
    }
    if (status !== r.status) await tx.review.update({ where: { id: reviewId }, data: { status }, select: { id: true } });
    const label = decision === "hide" ? "Review hidden." : decision === "restore" ? "Review restored." : "Reports dismissed.";
    return { ok: true, message: label, data: { filmSlug: r.slug, status } };
  });
}
