import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { sessionClaimsOf, sessionCookieName } from "@/lib/auth/reissue";
import { answerMemberRequest, cookieValue, type MemberAnswer } from "@/lib/viewer/member-request";
import { MEMBER_HINT_COOKIE } from "@/lib/viewer/hint";
import { seed } from "@/prisma/seed";
import { findCounterDrift } from "@/lib/data/integrity";
import { loadFilmBySlug } from "@/lib/data/films";
import { deleteReview, moderateReview, reportReview, saveReview, voteOnReview } from "@/lib/data/review-writes";
import type { Actor } from "@/lib/auth/actor";
import { createUserWithPassword } from "@/lib/data/users";
import { hitLimit } from "@/lib/data/rate-limit";
import { setWishlist, loadWishlist } from "@/lib/data/wishlist";
import { loadMemberView, loadMyReview, loadViewerMarks } from "@/lib/data/viewer";
import { verifyPassword } from "@/lib/auth/password";
import { wilsonLowerBound } from "@/lib/ratings";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
let n = 0;
async function member(role: "MEMBER" | "ADMIN" = "MEMBER"): Promise<NonNullable<Actor>> {
  n += 1;
  const r = await createUserWithPassword({ name: `Tester ${n}`, email: `tester${n}-${Date.now()}@example.test`, password: "correct horse battery" }, role);
  if (!r.ok) throw new Error("could not create member");
  return { id: r.user.id, role: r.user.role };
}
async function film(slug = "the-work") {
  return (await loadFilmBySlug(slug))!;
}
async function expectNoDrift() {
  expect(await findCounterDrift(db.prisma)).toEqual([]);
}

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`reviews on ${ENGINE}`, () => {
  it("refuses visitors", async () => {
    const f = await film();
    const r = await saveReview(null, { filmId: f.id, rating: 5 });
    expect(r).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("validates rating and text, keeping field errors", async () => {
    const me = await member();
    const f = await film();
    for (const rating of [0, 6, 2.5, "x", undefined]) {
      const r = await saveReview(me, { filmId: f.id, rating });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.rating?.[0]).toMatch(/1 to 5/);
    }
    const long = await saveReview(me, { filmId: f.id, rating: 4, body: "a".repeat(501) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.fieldErrors?.body?.[0]).toBe("Your review is 501 characters long. Please keep it to 500.");
    // 500 emoji are 500 characters (not 1000 UTF-16 units)
    const emoji = await saveReview(me, { filmId: f.id, rating: 4, body: "🎬".repeat(500) });
    expect(emoji.ok).toBe(true);
    const unknown = await saveReview(me, { filmId: "nope", rating: 4 });
    expect(unknown).toMatchObject({ ok: false, code: "not-found" });
    await expectNoDrift();
  });

  it("creates, then edits the one review per member, and counters follow", async () => {
    const me = await member();
    const f0 = await film("inception");
    const created = await saveReview(me, { filmId: f0.id, rating: 2, body: "  Not for me.\u0000  ", anonymous: "on" });
    expect(created).toMatchObject({ ok: true, data: { created: true, filmSlug: "inception" } });
    let f1 = await film("inception");
    expect(f1.reviewCount).toBe(f0.reviewCount + 1);
    expect(f1.counts[2]).toBe(f0.counts[2] + 1);
    const mine = await loadMyReview(me.id, f0.id);
    expect(mine).toMatchObject({ body: "Not for me.", anonymous: true, authorName: null, editedAt: null });

    const edited = await saveReview(me, { filmId: f0.id, rating: 5, body: "   ", spoiler: "on" });
    expect(edited).toMatchObject({ ok: true, data: { created: false } });
    f1 = await film("inception");
    expect(f1.reviewCount).toBe(f0.reviewCount + 1);
    expect(f1.counts[2]).toBe(f0.counts[2]);
    expect(f1.counts[5]).toBe(f0.counts[5] + 1);
    const after = await loadMyReview(me.id, f0.id);
    expect(after).toMatchObject({ rating: 5, body: null, spoiler: true, anonymous: false });
    expect(after!.editedAt).not.toBeNull();
    expect(await db.prisma.review.count({ where: { userId: me.id } })).toBe(1);
    await expectNoDrift();
  });

  it("lets only the author delete a review", async () => {
    const author = await member();
    const other = await member();
    const f0 = await film("jaws");
    const saved = await saveReview(author, { filmId: f0.id, rating: 1 });
    if (!saved.ok) throw new Error(saved.message);
    const id = saved.data.reviewId;
    expect(await deleteReview(null, { reviewId: id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await deleteReview(other, { reviewId: id })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await film("jaws")).reviewCount).toBe(f0.reviewCount + 1);
    expect(await deleteReview(author, { reviewId: id })).toMatchObject({ ok: true });
    expect((await film("jaws")).reviewCount).toBe(f0.reviewCount);
    expect(await deleteReview(author, { reviewId: id })).toMatchObject({ ok: false, code: "not-found" });
    await expectNoDrift();
  });
});

describe(`helpful votes on ${ENGINE}`, () => {
  it("votes, switches, withdraws; never on your own review", async () => {
    const author = await member();
    const voter = await member();
    const f = await film("up");
    const saved = await saveReview(author, { filmId: f.id, rating: 4, body: "Lovely." });
    if (!saved.ok) throw new Error(saved.message);
    const id = saved.data.reviewId;
    expect(await voteOnReview(null, { reviewId: id, value: "YES" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await voteOnReview(author, { reviewId: id, value: "YES" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await voteOnReview(voter, { reviewId: id, value: "MAYBE" })).toMatchObject({ ok: false, code: "invalid" });

    expect(await voteOnReview(voter, { reviewId: id, value: "YES" })).toMatchObject({ ok: true, data: { yes: 1, no: 0, myVote: "YES" } });
    expect(await voteOnReview(voter, { reviewId: id, value: "YES" })).toMatchObject({ ok: true, data: { yes: 1, no: 0 } });
    expect(await voteOnReview(voter, { reviewId: id, value: "NO" })).toMatchObject({ ok: true, data: { yes: 0, no: 1, myVote: "NO" } });
    expect(await db.prisma.helpfulVote.count({ where: { reviewId: id } })).toBe(1);
    expect((await loadViewerMarks(voter.id, [id])).votes[id]).toBe("NO");
    expect(await voteOnReview(voter, { reviewId: id, value: null })).toMatchObject({ ok: true, data: { yes: 0, no: 0, myVote: null } });
    expect(await db.prisma.helpfulVote.count({ where: { reviewId: id } })).toBe(0);
    await voteOnReview(voter, { reviewId: id, value: "YES" });
    const row = await db.prisma.review.findUnique({ where: { id } });
    expect(row!.helpfulScore).toBeCloseTo(wilsonLowerBound(1, 0), 12);
    expect((await loadViewerMarks(author.id, [id])).own).toEqual([id]);
    await expectNoDrift();
  });
});

describe(`the member view (GET /api/me) on ${ENGINE}`, () => {
  it("answers who the member is, their review, wishlist mark, votes, reports and own cards in one go", async () => {
    const me = await member();
    const other = await member();
    const f = await film("alien");
    const theirs = await saveReview(other, { filmId: f.id, rating: 3, body: "Tense." });
    const mine = await saveReview(me, { filmId: f.id, rating: 5, body: "Perfect." });
    if (!theirs.ok || !mine.ok) throw new Error("could not review");
    const [theirId, myId] = [theirs.data.reviewId, mine.data.reviewId];
    const q = { filmSlug: f.slug, reviewIds: [theirId, myId, "no-such-review"] };

    const before = await loadMemberView({ userId: me.id, sessionVersion: 0 }, q);
    expect(before).toMatchObject({
      user: { name: expect.stringMatching(/^Tester/), role: "MEMBER" },
      film: { slug: f.slug, wished: false },
      marks: { votes: {}, reported: [], own: [myId] },
    });
    expect(before!.film!.myReview).toMatchObject({ id: myId, rating: 5, body: "Perfect." });

    await voteOnReview(me, { reviewId: theirId, value: "NO" });
    await reportReview(me, { reviewId: theirId, reason: "SPAM" }, 3, 0);
    await setWishlist(me, { filmId: f.id, on: true });
    const after = await loadMemberView({ userId: me.id, sessionVersion: 0 }, q);
    expect(after!.film!.wished).toBe(true);
    expect(after!.marks).toEqual({ votes: { [theirId]: "NO" }, reported: [theirId], own: [myId] });

    // No film asked: no film part; no review of theirs on the film: myReview null.
    expect((await loadMemberView({ userId: me.id, sessionVersion: 0 }, { reviewIds: [] }))!.film).toBeNull();
    expect((await loadMemberView({ userId: other.id, sessionVersion: 0 }, { filmSlug: "jaws", reviewIds: [] }))!.film).toEqual({
      slug: "jaws",
      myReview: null,
      wished: false,
    });
    // A slug that names no published film: no film part, the rest still answered.
    expect(await loadMemberView({ userId: me.id, sessionVersion: 0 }, { filmSlug: "no-such-film", reviewIds: [myId] })).toMatchObject({
      film: null,
      marks: { own: [myId] },
    });
  });

  it("is null for an ended session version or an account that is gone", async () => {
    const me = await member();
    await db.prisma.user.update({ where: { id: me.id }, data: { sessionVersion: 2 } });
    expect(await loadMemberView({ userId: me.id, sessionVersion: 1 }, { reviewIds: [] })).toBeNull();
    expect(await loadMemberView({ userId: me.id, sessionVersion: 2 }, { reviewIds: [] })).not.toBeNull();
    expect(await loadMemberView({ userId: "no-such-user", sessionVersion: 0 }, { reviewIds: [] })).toBeNull();
    // the ids go into the statement as literals on PGlite: quotes stay text, NUL is refused
    expect(await loadMemberView({ userId: `${me.id}' OR '1'='1`, sessionVersion: 0 }, { filmSlug: "heat'--", reviewIds: ["a'b"] })).toBeNull();
    expect(await loadMemberView({ userId: `${me.id}\\' OR '1'='1`, sessionVersion: 0 }, { filmSlug: "heat\\", reviewIds: ["a\\'b"] })).toBeNull();
    expect(await loadMemberView({ userId: `${me.id}\0`, sessionVersion: 2 }, { reviewIds: [] })).toBeNull();
    // and the generic plan it runs with stays its own: every other statement is planned as before
    const [mode] = await db.prisma.$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
    expect(mode!.plan_cache_mode).toBe("auto");
  });
});

describe(`reports and moderation on ${ENGINE}`, () => {
  it("hides a review reported by three established members until a moderator decides", async () => {
    const author = await member();
    const f0 = await film("heat");
    const saved = await saveReview(author, { filmId: f0.id, rating: 1, body: "Buy cheap watches at example dot com" });
    if (!saved.ok) throw new Error(saved.message);
    const id = saved.data.reviewId;
    // Established: older than a day, with a visible review of their own (see the security tests).
    const [a, b, c] = [await member(), await member(), await member()];
    const old = new Date(Date.now() - 2 * 86_400_000);
    for (const m of [a, b, c]) {
      await db.prisma.user.update({ where: { id: m.id }, data: { createdAt: old } });
      const own = await saveReview(m, { filmId: (await film("alien")).id, rating: 4 });
      if (!own.ok) throw new Error(own.message);
    }
    expect(await reportReview(author, { reviewId: id, reason: "SPAM" }, 3)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await reportReview(null, { reviewId: id, reason: "SPAM" }, 3)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await reportReview(a, { reviewId: id, reason: "NOPE" }, 3)).toMatchObject({ ok: false, code: "invalid" });
    expect(await reportReview(a, { reviewId: id, reason: "SPAM", note: "ad" }, 3)).toMatchObject({ ok: true, data: { hidden: false } });
    expect(await reportReview(a, { reviewId: id, reason: "OTHER" }, 3)).toMatchObject({ ok: false, code: "conflict" });
    expect(await reportReview(b, { reviewId: id, reason: "SPAM" }, 3)).toMatchObject({ ok: true, data: { hidden: false } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount + 1);
    expect(await reportReview(c, { reviewId: id, reason: "OFFENSIVE" }, 3)).toMatchObject({ ok: true, data: { hidden: true } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount);
    expect((await film("heat")).counts[1]).toBe(f0.counts[1]);
    // hidden reviews take no votes and are gone from lists
    expect(await voteOnReview(a, { reviewId: id, value: "YES" })).toMatchObject({ ok: false, code: "not-found" });
    await expectNoDrift();

    const admin = await member("ADMIN");
    expect(await moderateReview(a, { reviewId: id, decision: "restore" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await moderateReview(admin, { reviewId: id, decision: "restore" })).toMatchObject({ ok: true, data: { status: "VISIBLE" } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount + 1);
    expect(await db.prisma.report.count({ where: { reviewId: id, status: "OPEN" } })).toBe(0);
    expect(await moderateReview(admin, { reviewId: id, decision: "hide" })).toMatchObject({ ok: true, data: { status: "HIDDEN" } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount);
    expect(await moderateReview(admin, { reviewId: id, decision: "hide" })).toMatchObject({ ok: true, data: { status: "HIDDEN" } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount);
    expect(await moderateReview(admin, { reviewId: id, decision: "restore" })).toMatchObject({ ok: true, data: { status: "VISIBLE" } });
    expect((await film("heat")).reviewCount).toBe(f0.reviewCount + 1);
    // dismissing reports on a visible review keeps it visible
    const d = await member();
    await reportReview(d, { reviewId: id, reason: "SPAM" }, 3);
    expect(await moderateReview(admin, { reviewId: id, decision: "dismiss" })).toMatchObject({ ok: true, data: { status: "VISIBLE" } });
    await expectNoDrift();
  });
});

describe(`accounts, limits and wishlists on ${ENGINE}`, () => {
  it("stores a memory-hard hash and refuses a second account for the same email", async () => {
    const email = `dup-${Date.now()}@example.test`;
    const first = await createUserWithPassword({ name: "Dup", email, password: "a long enough password" });
    expect(first.ok).toBe(true);
    const second = await createUserWithPassword({ name: "Dup 2", email, password: "another long password" });
    expect(second).toEqual({ ok: false, reason: "email-taken" });
    const row = await db.prisma.user.findUnique({ where: { email } });
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("a long enough password", row!.passwordHash)).toBe(true);
    expect(await verifyPassword("a long enough passwore", row!.passwordHash)).toBe(false);
  });

  it("limits attempts per key in a window", async () => {
    const key = `test:${Date.now()}`;
    for (let i = 1; i <= 3; i++) expect((await hitLimit(key, 3, 900)).allowed).toBe(true);
    const blocked = await hitLimit(key, 3, 900);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
    // a window that has passed starts again
    await db.prisma.rateLimit.update({ where: { key }, data: { windowStart: new Date(Date.now() - 901_000) } });
    expect(await hitLimit(key, 3, 900)).toMatchObject({ allowed: true, count: 1 });
  });

  it("keeps a wishlist", async () => {
    const me = await member();
    const f = await film("coco");
    expect(await setWishlist(null, { filmId: f.id, on: true })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await setWishlist(me, { filmId: f.id, on: true })).toMatchObject({ ok: true, data: { on: true } });
    expect(await setWishlist(me, { filmId: f.id, on: true })).toMatchObject({ ok: true });
    expect((await loadWishlist(me.id)).map((w) => w.slug)).toEqual(["coco"]);
    expect(await setWishlist(me, { filmId: f.id, on: false })).toMatchObject({ ok: true, data: { on: false } });
    expect(await loadWishlist(me.id)).toEqual([]);
  });
});

describe(`counts under concurrent writes on ${ENGINE}`, () => {
  it("50 members vote on one review at the same moment", async () => {
    const author = await member();
    const f = await film("alien");
    const saved = await saveReview(author, { filmId: f.id, rating: 5, body: "Still terrifying." });
    if (!saved.ok) throw new Error(saved.message);
    const id = saved.data.reviewId;
    const voters = await Promise.all(Array.from({ length: 50 }, () => member()));
    const results = await Promise.all(voters.map((v, i) => voteOnReview(v, { reviewId: id, value: i % 5 === 0 ? "NO" : "YES" })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const row = await db.prisma.review.findUnique({ where: { id } });
    expect(row).toMatchObject({ helpfulYes: 40, helpfulNo: 10 });
    // and all of them change their minds at once
    const again = await Promise.all(voters.map((v, i) => voteOnReview(v, { reviewId: id, value: i % 2 ? null : "YES" })));
    expect(again.filter((r) => !r.ok)).toEqual([]);
    expect(await db.prisma.review.findUnique({ where: { id } })).toMatchObject({ helpfulYes: 25, helpfulNo: 0 });
    await expectNoDrift();
  });

  it("20 members review one film at the same moment", async () => {
    const f0 = await film("fargo");
    const writers = await Promise.all(Array.from({ length: 20 }, () => member()));
    const results = await Promise.all(writers.map((w, i) => saveReview(w, { filmId: f0.id, rating: (i % 5) + 1, body: `Take ${i}` })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const f1 = await film("fargo");
    expect(f1.reviewCount).toBe(f0.reviewCount + 20);
    expect(f1.ratingSum).toBe(f0.ratingSum + 4 * (1 + 2 + 3 + 4 + 5));
    // the same member posting twice at once still has one review
    const twice = await Promise.all([saveReview(writers[0]!, { filmId: f0.id, rating: 2 }), saveReview(writers[0]!, { filmId: f0.id, rating: 3 })]);
    expect(twice.filter((r) => !r.ok)).toEqual([]);
    expect(await db.prisma.review.count({ where: { userId: writers[0]!.id, filmId: f0.id } })).toBe(1);
    await expectNoDrift();
  });

  it("db:check finds a counter that drifted", async () => {
    const f = await film("arrival");
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Review" SET "helpfulYes" = "helpfulYes" + 1 WHERE "filmId" = $1 AND id = (SELECT id FROM "Review" WHERE "filmId" = $1 LIMIT 1)`,
      f.id,
    );
    const drift = await findCounterDrift(db.prisma);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ table: "Review", column: "helpfulYes" });
    expect(drift[0]!.stored).toBe(drift[0]!.actual + 1);
    await db.prisma.$executeRawUnsafe(
      `UPDATE "Review" SET "helpfulYes" = "helpfulYes" - 1 WHERE "filmId" = $1 AND id = (SELECT id FROM "Review" WHERE "filmId" = $1 LIMIT 1)`,
      f.id,
    );
    await expectNoDrift();
  });
});

describe(`one shared connection on ${ENGINE}`, () => {
  it("never lets one request's transaction swallow or roll back another request's writes", async () => {
    // Request A opens a transaction, writes, waits, then fails and rolls back.
    // Request B writes meanwhile, outside any transaction. B's write must survive A's
    // rollback, and A's write must not survive.
    let releaseA!: () => void;
    const aWaiting = new Promise<void>((r) => (releaseA = r));
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((r) => (aWrote = r));
    const a = db.prisma
      .$transaction(
        async (tx) => {
          await tx.genre.create({ data: { slug: "rolled-back-genre", name: "Rolled back" } });
          aWrote();
          await aWaiting;
          throw new Error("request A fails");
        },
        { maxWait: 20_000, timeout: 20_000 },
      )
      .catch((e: Error) => e.message);
    await aHasWritten;
    const b = db.prisma.genre.create({ data: { slug: "committed-genre", name: "Committed" } });
    await new Promise((r) => setTimeout(r, 50));
    releaseA();
    expect(await a).toBe("request A fails");
    await b;
    expect(await db.prisma.genre.findUnique({ where: { slug: "committed-genre" } })).not.toBeNull();
    expect(await db.prisma.genre.findUnique({ where: { slug: "rolled-back-genre" } })).toBeNull();
  });
});

describe(`watch progress on ${ENGINE}`, () => {
  it("remembers where a member stopped, per film", async () => {
    const { saveProgress, loadProgress } = await import("@/lib/data/progress");
    const me = await member();
    const f = await film("the-work");
    expect(await saveProgress(null, { filmId: f.id, seconds: 3 })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await saveProgress(me, { filmId: f.id, seconds: -1 })).toMatchObject({ ok: false });
    expect(await loadProgress(me.id, f.id)).toBeNull();
    expect(await saveProgress(me, { filmId: f.id, seconds: 3.5 })).toMatchObject({ ok: true });
    expect(await saveProgress(me, { filmId: f.id, seconds: 4.25 })).toMatchObject({ ok: true });
    expect(await loadProgress(me.id, f.id)).toBe(4.25);
  });
});

describe(`GET /api/me's answer (lib/viewer/member-request.ts) on ${ENGINE}`, () => {
  const search = (q: string) => new URLSearchParams(q);
  async function cookieFor(userId: string, issuedSecondsAgo = 0): Promise<string> {
    // next-auth stamps the token's issue time itself: sign it on a clock set back
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - issuedSecondsAgo * 1000 });
    try {
      return `other=1; ${sessionCookieName()}=${await encode({ token: { sub: userId, sv: 0 }, secret: env().secret })}`;
    } finally {
      vi.useRealTimers();
    }
  }
  const header = (a: MemberAnswer, name: string) => a.headers.filter(([k]) => k === name).map(([, v]) => v);

  it("answers the member's view from the cookie and the query alone, private and never cached", async () => {
    const me = await member();
    const f = await film("heat");
    const saved = await saveReview(me, { filmId: f.id, rating: 4, body: "Long, and worth it." });
    if (!saved.ok) throw new Error("could not review");
    const a = await answerMemberRequest({ cookie: await cookieFor(me.id), search: search(`film=heat&reviews=${saved.data.reviewId},nope`) });
    expect(a.status).toBe(200);
    expect(header(a, "Cache-Control")).toEqual(["private, no-store"]);
    expect(header(a, "Set-Cookie")).toEqual([]); // a fresh session is not re-signed
    const body = JSON.parse(a.body);
    expect(body).toMatchObject({
      user: { role: "MEMBER" },
      film: { slug: "heat", wished: false, myReview: { rating: 4 } },
      marks: { own: [saved.data.reviewId] },
    });
  });

  it("gives a day-old session a new 30-day expiry, and a visitor or a bad query the right answer", async () => {
    const me = await member();
    const old = await answerMemberRequest({ cookie: await cookieFor(me.id, 2 * 86_400), search: search("film=heat") });
    const [renewed] = header(old, "Set-Cookie");
    expect(renewed).toMatch(new RegExp(`^${sessionCookieName()}=[^;]+; Path=/; Expires=.+; Max-Age=2592000; HttpOnly; SameSite=Lax`));
    const claims = await sessionClaimsOf(renewed!.split(";")[0]!.split("=").slice(1).join("="));
    expect(claims).toMatchObject({ userId: me.id, sessionVersion: 0, stale: false });

    for (const cookie of [undefined, "", `${sessionCookieName()}=not-a-token`]) {
      const v = await answerMemberRequest({ cookie, search: search("film=heat") });
      expect(JSON.parse(v.body)).toEqual({ user: null });
      expect(header(v, "Set-Cookie")).toEqual([`${MEMBER_HINT_COOKIE}=; Path=/; Max-Age=0`]);
    }
    const bad = await answerMemberRequest({ cookie: await cookieFor(me.id), search: search("film=Not%20A%20Slug") });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ error: "Bad film or review list." });
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(cookieValue("a=1; b=2=3;c=4", "b")).toBe("2=3");
    expect(cookieValue("ab=1", "b")).toBeUndefined();
    expect(cookieValue(undefined, "b")).toBeUndefined();
  });
});
