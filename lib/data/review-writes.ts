import "server-only";
// Every write to reviews, votes and reports, with the counters that summarise them
// changed in the same transaction. Callers pass the acting member (or null); the
// functions check everything themselves: a server action is a public POST.
import { Prisma } from "../generated/prisma/client";
import { fail, fromZod, type Result } from "../result";
import { moderationInputSchema, reportInputSchema, reviewIdSchema, reviewInputSchema, voteInputSchema, type ReviewInput } from "../validation/review";
import { newId, retryWrite, writeTx, type Tx } from "./tx";
import { coalescing } from "./hot-rows";
import { getDb } from "../db/client";
import { runPrepared, type PreparedValue } from "../db/prepared";
import { writeAudit } from "./audit";
import type { Actor } from "../auth/actor";

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

type SaveRow = { filmSlug: string | null; reviewId: string | null; created: boolean | null };

/**
 * The member's review and the film's counters in one statement (one round trip, its
 * own transaction). An edit locks the member's review row and reads its latest rating
 * under the lock; a first review is an INSERT … ON CONFLICT DO NOTHING. The film row
 * is locked first and its counters set from that locked (latest) version plus the
 * deltas, so concurrent saves on a film never lose an update. If the member's own review appeared after the statement's
 * snapshot (two saves by one member at once), neither branch writes and it runs again.
 */
export function saveSql(actorId: string, input: ReviewInput, newId: string): Prisma.Sql {
  return Prisma.sql`
    WITH f AS (
      SELECT id, slug, "reviewCount", "ratingSum", rating1, rating2, rating3, rating4, rating5
      FROM "Film" WHERE id = ${input.filmId} FOR UPDATE
    ),
    ed AS (
      UPDATE "Review" r
      SET rating = ${input.rating}, body = ${input.body}::text, anonymous = ${input.anonymous}, spoiler = ${input.spoiler}, "editedAt" = now()
      FROM (SELECT id, rating AS "oldRating" FROM "Review"
            WHERE "userId" = ${actorId} AND "filmId" = ${input.filmId} FOR UPDATE) o
      WHERE r.id = o.id
      RETURNING r.id, o."oldRating", r.rating, r.status
    ),
    ins AS (
      INSERT INTO "Review" (id, "filmId", "userId", rating, body, anonymous, spoiler)
      SELECT ${newId}, f.id, ${actorId}, ${input.rating}, ${input.body}::text, ${input.anonymous}, ${input.spoiler}
      FROM f WHERE NOT EXISTS (SELECT 1 FROM ed)
      ON CONFLICT ("userId", "filmId") DO NOTHING
      RETURNING id, rating
    ),
    d(star, delta) AS (
      SELECT "oldRating", -1 FROM ed WHERE status = 'VISIBLE' AND "oldRating" <> rating
      UNION ALL SELECT rating, 1 FROM ed WHERE status = 'VISIBLE' AND "oldRating" <> rating
      UNION ALL SELECT rating, 1 FROM ins
    ),
    bump AS (
      -- from f, the film row as locked (its latest version): see voteSql on why not
      -- from the row the UPDATE first sees
      UPDATE "Film" t SET
        "reviewCount" = f."reviewCount" + (SELECT coalesce(sum(delta), 0) FROM d),
        "ratingSum" = f."ratingSum" + (SELECT coalesce(sum(star * delta), 0) FROM d),
        rating1 = f.rating1 + (SELECT coalesce(sum(delta), 0) FROM d WHERE star = 1),
        rating2 = f.rating2 + (SELECT coalesce(sum(delta), 0) FROM d WHERE star = 2),
        rating3 = f.rating3 + (SELECT coalesce(sum(delta), 0) FROM d WHERE star = 3),
        rating4 = f.rating4 + (SELECT coalesce(sum(delta), 0) FROM d WHERE star = 4),
        rating5 = f.rating5 + (SELECT coalesce(sum(delta), 0) FROM d WHERE star = 5)
      FROM f WHERE t.id = f.id AND EXISTS (SELECT 1 FROM d)
      RETURNING t.id
    )
    SELECT f.slug AS "filmSlug",
           coalesce((SELECT id FROM ed), (SELECT id FROM ins)) AS "reviewId",
           EXISTS (SELECT 1 FROM ins) AS created,
           (SELECT count(*) FROM bump)::int AS bumped
    FROM (SELECT 1) one LEFT JOIN f ON true`;
}

/** One save statement, retried on a lost race (lib/data/tx.ts). */
async function runSave({ actorId, input }: { actorId: string; input: ReviewInput }): Promise<SaveRow> {
  return retryWrite(async (prisma) => {
    for (let attempt = 1; ; attempt++) {
      const r = (await prisma.$queryRaw<SaveRow[]>(saveSql(actorId, input, newId())))[0]!;
      if (r.filmSlug === null || r.reviewId !== null || attempt >= 5) return r;
    }
  });
}

/** Saves of reviews of one film (each locks the film's counters) wait in the process, one statement at a time (lib/data/hot-rows.ts). */
const saveOneAtATime = coalescing<{ actorId: string; input: ReviewInput }, SaveRow>({
  run: async (_film, [save]) => [await runSave(save!)],
  distinct: (s) => s.actorId,
  max: 1,
});

/** Writes the member's review of a film: creates it, or edits the one they have. */
export async function saveReview(actor: Actor, raw: unknown): Promise<Result<SavedReview>> {
  if (!actor) return fail("Sign in to rate and review films.", "unauthenticated");
  const parsed = reviewInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const input = parsed.data;
  const row = await saveOneAtATime(input.filmId, { actorId: actor.id, input });
  if (row.filmSlug === null) return fail("This film is no longer in the catalog.", "not-found");
  if (row.reviewId === null) return fail("Your review could not be saved. Please try again.", "conflict");
  if (row.created) return { ok: true, message: "Thanks! Your review is posted.", data: { reviewId: row.reviewId, filmSlug: row.filmSlug, created: true } };
  return { ok: true, message: "Your review was updated.", data: { reviewId: row.reviewId, filmSlug: row.filmSlug, created: false } };
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

type VoteRow = { found: boolean; status: string | null; authorId: string | null; filmSlug: string | null; yes: number | null; no: number | null };

/** One member's vote in a batch: YES, NO, or null to withdraw. */
export type VoteInput = { actorId: string; value: "YES" | "NO" | null; newVoteId: string };

/**
 * Votes of several members on one review and the review's counters in one statement (one
 * round trip, its own transaction): a row of the result per vote, in order. The review
 * row is locked first (FOR UPDATE returns its latest version), which also orders
 * concurrent statements on one review. Each vote is an upsert whose outcome tells the
 * old value without reading it: inserted (no vote before), updated (the value flipped: a
 * vote is YES or NO, so it was the other one) or untouched (the same vote again); a
 * withdrawal deletes and returns what it deleted. The counters then move by the sum of
 * those deltas and the Wilson score is recomputed from the new counts in SQL
 * (marquee_wilson, the same arithmetic as lib/ratings.ts). The author's own vote and
 * votes on a review that is not visible change nothing (their rows say why). The members
 * of one batch must be distinct (an upsert cannot touch one row twice): voteOnReview
 * sees to it.
 *
 * With `asyncCommit` (on PostgreSQL) the statement's own transaction commits without
 * waiting for its WAL flush (`synchronous_commit` off for this transaction only, set
 * inside the statement): the hot review's row lock is held until commit, so waiting for
 * the disk made every vote on a popular review queue behind the previous one's fsync.
 * Atomicity, the counters and the unique vote are unchanged; what a crash of the
 * database server (not of the app) can cost is the votes of its last fraction of a
 * second, never a counter that disagrees with the votes. Not on PGlite: there the
 * database lives in the app's process, so killing the app would lose votes it had
 * already acknowledged (tests/faults/kill-writer.test.ts caught it). Reviews, accounts
 * and moderation keep synchronous commits everywhere.
 */
export function voteBatchSql(reviewId: string, votes: VoteInput[], asyncCommit = false): Prisma.Sql {
  return Prisma.sql`
    WITH rv AS (
      SELECT r.id, r."userId", r.status::text AS status, r."helpfulYes", r."helpfulNo", r."filmId"
      FROM "Review" r WHERE r.id = ${reviewId}::text FOR UPDATE
    ),
    inp AS (
      SELECT u.uid, NULLIF(u.val, '')::"VoteValue" AS val, u.nid, u.ord
      FROM unnest(${votes.map((v) => v.actorId)}::text[], ${votes.map((v) => v.value ?? "")}::text[], ${votes.map((v) => v.newVoteId)}::text[])
        WITH ORDINALITY AS u(uid, val, nid, ord)
    ),
    ok AS (
      SELECT i.uid, i.val, i.nid, rv.id AS "reviewId" FROM inp i JOIN rv ON rv.status = 'VISIBLE' AND rv."userId" <> i.uid
    ),
    del AS (
      DELETE FROM "HelpfulVote" v USING ok
      WHERE ok.val IS NULL AND v."userId" = ok.uid AND v."reviewId" = ok."reviewId"
      RETURNING v.value
    ),
    up AS (
      INSERT INTO "HelpfulVote" AS v (id, "reviewId", "userId", value, "updatedAt")
      SELECT ok.nid, ok."reviewId", ok.uid, ok.val, now() FROM ok WHERE ok.val IS NOT NULL
      ON CONFLICT ("userId", "reviewId") DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()
        WHERE v.value IS DISTINCT FROM EXCLUDED.value
      RETURNING (v.xmax = 0) AS inserted, v.value
    ),
    ch AS (
      SELECT coalesce(sum(d.dy), 0)::int AS dy, coalesce(sum(d.dn), 0)::int AS dn FROM (
        SELECT CASE WHEN value = 'YES' THEN -1 ELSE 0 END AS dy, CASE WHEN value = 'NO' THEN -1 ELSE 0 END AS dn FROM del
        UNION ALL
        SELECT CASE WHEN value = 'YES' THEN 1 WHEN inserted THEN 0 ELSE -1 END,
               CASE WHEN value = 'NO' THEN 1 WHEN inserted THEN 0 ELSE -1 END FROM up
      ) d
    ),
    -- The new counts come from rv, the row as locked (its latest version, which no one
    -- else can change before this commits), not from r: when another vote committed
    -- after this statement's snapshot, PostgreSQL first computes the SET list on the
    -- older version r it sees, and checks constraints on that, before it re-reads.
    upd AS (
      UPDATE "Review" r SET
        "helpfulYes" = rv."helpfulYes" + ch.dy,
        "helpfulNo" = rv."helpfulNo" + ch.dn,
        "helpfulScore" = marquee_wilson(rv."helpfulYes" + ch.dy, rv."helpfulNo" + ch.dn)
      FROM ch, rv WHERE r.id = rv.id AND (ch.dy <> 0 OR ch.dn <> 0)
      RETURNING r."helpfulYes", r."helpfulNo"
    )
    SELECT rv.id IS NOT NULL AS found, rv.status, rv."userId" AS "authorId", f.slug AS "filmSlug",
           coalesce((SELECT "helpfulYes" FROM upd), rv."helpfulYes") AS yes,
           coalesce((SELECT "helpfulNo" FROM upd), rv."helpfulNo") AS no
    FROM ${asyncCommit ? Prisma.sql`(SELECT set_config('synchronous_commit', 'off', true))` : Prisma.sql`(SELECT 1)`} one
    CROSS JOIN inp i LEFT JOIN rv ON true LEFT JOIN "Film" f ON f.id = rv."filmId"
    ORDER BY i.ord`;
}

/** One member's vote as a statement of its own (a batch of one). */
export function voteSql(actorId: string, reviewId: string, value: "YES" | "NO" | null, newVoteId: string, asyncCommit = false): Prisma.Sql {
  return voteBatchSql(reviewId, [{ actorId, value, newVoteId }], asyncCommit);
}

/** Runs one batch: prepared once with a generic plan on the embedded database (lib/db/prepared.ts). */
async function runVoteBatch(reviewId: string, votes: VoteInput[]): Promise<VoteRow[]> {
  const pg = (await getDb()).opened.pglite;
  const q = voteBatchSql(reviewId, votes, !pg);
  return retryWrite(async (prisma) =>
    pg ? await runPrepared<VoteRow>(pg, "marquee_vote_batch", q.text, q.values as PreparedValue[]) : await prisma.$queryRaw<VoteRow[]>(q),
  );
}

/**
 * Votes on one review wait for each other in this process and go to the database
 * together: one statement for every vote that arrived while the previous one ran
 * (lib/data/hot-rows.ts says why).
 */
const castVote = coalescing<VoteInput, VoteRow>({
  run: runVoteBatch,
  distinct: (v) => v.actorId,
  max: 100,
});

/** Sets, moves or (value null) withdraws the member's helpful vote on a review. */
export async function voteOnReview(actor: Actor, raw: unknown): Promise<Result<VoteState>> {
  if (!actor) return fail("Sign in to say whether a review helped you.", "unauthenticated");
  const parsed = voteInputSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { reviewId, value } = parsed.data;
  const r = await castVote(reviewId, { actorId: actor.id, value, newVoteId: newId() });
  if (!r.found || r.status !== "VISIBLE") return fail("That review is no longer available.", "not-found");
  if (r.authorId === actor.id) return fail("You can’t vote on your own review.", "forbidden");
  return { ok: true, data: { reviewId, filmSlug: r.filmSlug ?? "", yes: Number(r.yes), no: Number(r.no), myVote: value } };
}

// ---------------------------------------------------------------- reports and moderation

/**
 * Records a report. Only reports from established members count toward hiding the
 * review automatically (an account older than `minAccountAgeHours` with at least one
 * visible review of its own), so a few fresh throwaway accounts cannot hide one; every
 * report still reaches the moderation queue.
 */
export async function reportReview(
  actor: Actor,
  raw: unknown,
  hideThreshold: number,
  minAccountAgeHours = 24,
): Promise<Result<{ filmSlug: string; hidden: boolean }>> {
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
    await writeAudit(tx, {
      actorId: actor.id,
      kind: `review.${decision}`,
      targetType: "review",
      targetId: reviewId,
      targetLabel: `review on ${r.slug}`,
      summary: `status: ${r.status} → ${status}`,
    });
    const label = decision === "hide" ? "Review hidden." : decision === "restore" ? "Review restored." : "Reports dismissed.";
    return { ok: true, message: label, data: { filmSlug: r.slug, status } };
  });
}
