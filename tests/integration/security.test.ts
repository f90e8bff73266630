// Write limits, trusted addresses, sessions that end, accounts, reports and the
// moderation queue, on PGlite and PostgreSQL. Redis is configured on a closed port for
// this file, so every counter here also proves the fallback to the database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const socket = { address: "192.0.2.10" };
const session = {
  user: null as null | { id: string; role: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER"; name: string; email: string | null; sessionVersion: number },
};

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-marquee-socket-address": socket.address, "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250)}` }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ updateTag: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn, cacheTag: () => {}, cacheLife: () => {} }));
vi.mock("@/lib/auth/session", async (orig) => ({ ...(await orig<typeof import("@/lib/auth/session")>()), getCurrentUser: async () => session.user }));

process.env.REDIS_URL = "redis://127.0.0.1:3659/6"; // nothing listens there
process.env.SIGNIN_LIMIT_PER_ADDRESS = "6";
process.env.SIGNIN_LIMIT_PER_EMAIL = "3";
process.env.SIGNIN_SLOWDOWN_PER_EMAIL = "4";

const { seed } = await import("@/prisma/seed");
const { findCounterDrift } = await import("@/lib/data/integrity");
const { loadFilmBySlug } = await import("@/lib/data/films");
const { saveReview, voteOnReview, reportReview } = await import("@/lib/data/review-writes");
const { createUserWithPassword, bumpSessionVersion, loadUserById } = await import("@/lib/data/users");
const { setWishlist } = await import("@/lib/data/wishlist");
const { voteAction, reportAction } = await import("@/lib/actions/reviews");
const { signUpAction } = await import("@/lib/actions/auth");
const { setWishlistAction } = await import("@/lib/actions/wishlist");
const { changePassword, createPasswordReset, deleteAccount, exportAccountData, resetPassword, resetTokenIsValid } = await import("@/lib/data/account");
const { loadModerationPage } = await import("@/lib/data/moderation");
const { authOptions } = await import("@/lib/auth/options");
const { sessionIsCurrent } = await import("@/lib/auth/session");
const { loadMemberView } = await import("@/lib/data/viewer");
const { verifyPassword } = await import("@/lib/auth/password");
const { ENGINE, openTestDb } = await import("../helpers/db");

type Db = Awaited<ReturnType<typeof openTestDb>>;
let db: Db;
let n = 0;
const PASSWORD = "correct horse battery";

async function member(opts: { established?: boolean } = {}) {
  n += 1;
  const r = await createUserWithPassword({ name: `Sec ${n}`, email: `sec${n}-${Date.now()}@example.test`, password: PASSWORD });
  if (!r.ok) throw new Error("could not create member");
  if (opts.established) {
    await db.prisma.user.update({ where: { id: r.user.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    const own = await saveReview({ id: r.user.id, role: "MEMBER" }, { filmId: (await film("coco")).id, rating: 3 });
    if (!own.ok) throw new Error(own.message);
  }
  return r.user;
}
const actor = (u: { id: string; role: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER" }) => ({ id: u.id, role: u.role });
const film = async (slug: string) => (await loadFilmBySlug(slug))!;
async function review(slug: string, rating = 4) {
  const author = await member();
  const r = await saveReview(actor(author), { filmId: (await film(slug)).id, rating, body: `A review of ${slug}` });
  if (!r.ok) throw new Error(r.message);
  return { author, id: r.data.reviewId };
}

const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`write limits on ${ENGINE}`, () => {
  it("stops a member's votes over the limit with a message, writing nothing", async () => {
    process.env.LIMIT_VOTES_PER_MINUTE = "3";
    const voter = await member();
    session.user = voter;
    const targets = await Promise.all([1, 2, 3, 4].map(() => review("heat")));
    for (const t of targets.slice(0, 3)) expect(await voteAction(t.id, "YES")).toMatchObject({ ok: true });
    const blocked = await voteAction(targets[3]!.id, "YES");
    expect(blocked).toMatchObject({ ok: false, code: "rate-limited", message: "Too many votes. Try again in 1 minute." });
    expect(await db.prisma.helpfulVote.count({ where: { reviewId: targets[3]!.id } })).toBe(0);
    // another member is not affected
    session.user = await member();
    expect(await voteAction(targets[3]!.id, "YES")).toMatchObject({ ok: true });
    // the counters survived a Redis that does not answer
    expect(warn.mock.calls.some((c) => String(c[0]).startsWith("[redis]"))).toBe(true);
  });

  it("limits reports and wishlist changes by name", async () => {
    process.env.LIMIT_REPORTS_PER_HOUR = "1";
    process.env.LIMIT_WISHLIST_PER_MINUTE = "2";
    session.user = await member();
    const [a, b] = [await review("alien"), await review("alien")];
    expect(await reportAction(a.id, "SPAM", "")).toMatchObject({ ok: true });
    expect(await reportAction(b.id, "SPAM", "")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many reports\. Try again in \d+ minutes?\.$/),
    });
    expect(await db.prisma.report.count({ where: { reviewId: b.id } })).toBe(0);
    const f = await film("coco");
    expect(await setWishlistAction(f.id, true)).toMatchObject({ ok: true });
    expect(await setWishlistAction(f.id, false)).toMatchObject({ ok: true });
    expect(await setWishlistAction(f.id, true)).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await db.prisma.wishlistEntry.count({ where: { userId: session.user.id } })).toBe(0);
  });

  it("counts visitors and sign-ups per client address (the socket, not X-Forwarded-For)", async () => {
    process.env.LIMIT_ANONYMOUS_WRITES_PER_MINUTE = "2";
    process.env.LIMIT_SIGNUPS_PER_HOUR = "2";
    session.user = null;
    socket.address = "198.51.100.1";
    const r = await review("fargo");
    expect(await voteAction(r.id, "YES")).toMatchObject({ code: "unauthenticated" });
    expect(await voteAction(r.id, "YES")).toMatchObject({ code: "unauthenticated" });
    expect(await voteAction(r.id, "YES")).toMatchObject({ code: "rate-limited" });
    const form = (i: number) => {
      const f = new FormData();
      f.set("name", `Signup ${i}`);
      f.set("email", `signup-${i}-${Date.now()}@example.test`);
      f.set("password", PASSWORD);
      return f;
    };
    expect(await signUpAction(null, form(1))).toMatchObject({ ok: true });
    expect(await signUpAction(null, form(2))).toMatchObject({ ok: true });
    const third = form(3);
    const blocked = await signUpAction(null, third);
    expect(blocked).toMatchObject({ ok: false, code: "rate-limited", message: "Too many sign-ups from your network. Try again in 60 minutes." });
    expect(await db.prisma.user.count({ where: { email: third.get("email") as string } })).toBe(0);
    socket.address = "198.51.100.2"; // another address may
    expect(await signUpAction(null, form(4))).toMatchObject({ ok: true });
  });
});

describe(`sign-in limits on ${ENGINE}`, () => {
  type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const authorize = () => (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  const from = (address: string, xff = "") => ({ headers: { "x-marquee-socket-address": address, "x-forwarded-for": xff } });

  it("a flood of wrong passwords from one address never locks the owner out", async () => {
    const owner = await member();
    const email = owner.email!;
    // The attacker rotates X-Forwarded-For; without TRUST_PROXY it is not believed.
    for (let i = 0; i < 3; i++)
      await expect(authorize()({ email, password: "wrong password" }, from("192.0.2.66", `10.9.9.${i}`))).rejects.toThrow(/don’t match/);
    await expect(authorize()({ email, password: PASSWORD }, from("192.0.2.66", "10.9.9.99"))).rejects.toThrow(/Too many sign-in attempts/);
    // per address too, whatever the email
    for (let i = 0; i < 2; i++)
      await expect(authorize()({ email: `x${i}@example.test`, password: "nope" }, from("192.0.2.66", `10.8.8.${i}`))).rejects.toThrow();
    await expect(authorize()({ email: "y@example.test", password: "nope" }, from("192.0.2.66", "10.7.7.7"))).rejects.toThrow(/Too many/);
    // the owner, from their own address, still gets in (only slowed down)
    const t0 = Date.now();
    await expect(authorize()({ email, password: PASSWORD }, from("192.0.2.77"))).resolves.toMatchObject({ id: owner.id });
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe(`sessions that end on ${ENGINE}`, () => {
  it("signing out ends that session only: the member's other browsers stay signed in", async () => {
    const u = await member();
    const opts = authOptions();
    const signIn = () => opts.callbacks!.jwt!({ token: { sub: u.id }, user: { id: u.id, name: u.name, email: u.email }, account: null });
    const laptop = await signIn();
    const phone = await signIn();
    expect(laptop.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(phone.sid).not.toBe(laptop.sid);
    const read = (token: typeof laptop) => opts.callbacks!.jwt!({ token, account: null } as never);
    const view = (token: typeof laptop) => loadMemberView({ userId: u.id, sessionVersion: 0, sid: token.sid }, { reviewIds: [] });
    expect((await read(phone)).sub).toBe(u.id);
    expect(await view(phone)).not.toBeNull();

    await opts.events!.signOut!({ token: { ...phone, exp: Math.floor(Date.now() / 1000) + 3600 }, session: null } as never);
    // the phone's token (and any copy of it) reads as no session, in next-auth and in /api/me
    expect(await read(phone)).toEqual({});
    expect(await view(phone)).toBeNull();
    // the laptop is still signed in, and the member's version did not move
    expect((await read(laptop)).sub).toBe(u.id);
    expect(await view(laptop)).toMatchObject({ user: { name: u.name } });
    expect((await loadUserById(u.id))!.sessionVersion).toBe(0);
    // an expired revocation is swept by the next sign-out
    await db.prisma.revokedSession.update({ where: { sid: phone.sid! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await opts.events!.signOut!({ token: laptop, session: null } as never);
    expect((await db.prisma.revokedSession.findMany({ where: { userId: u.id }, select: { sid: true } })).map((r) => r.sid)).toEqual([laptop.sid]);
    expect(await view(laptop)).toBeNull();
  });

  it("carries the session version in the token; a token from before session ids is signed out by bumping it", async () => {
    const u = await member();
    const opts = authOptions();
    const { sid: _sid, ...token } = await opts.callbacks!.jwt!({ token: { sub: u.id }, user: { id: u.id, name: u.name, email: u.email }, account: null });
    expect(token.sv).toBe(0);
    const s = await opts.callbacks!.session!({ session: { expires: "" }, token } as never);
    expect((s as { sv?: number }).sv).toBe(0);
    expect(sessionIsCurrent((await loadUserById(u.id))!, 0)).toBe(true);
    await opts.events!.signOut!({ token, session: null } as never);
    const after = (await loadUserById(u.id))!;
    expect(after.sessionVersion).toBe(1);
    expect(sessionIsCurrent(after, token.sv as number)).toBe(false);
    // a second sign-out of the same old token changes nothing more
    await opts.events!.signOut!({ token, session: null } as never);
    expect((await loadUserById(u.id))!.sessionVersion).toBe(1);
    expect(await bumpSessionVersion(u.id)).toBe(2);
  });

  it("a password change ends every session and needs the current password", async () => {
    const u = await member();
    expect(await changePassword(u.id, "not my password", "a brand new password")).toEqual({ ok: false, reason: "wrong-password" });
    const done = await changePassword(u.id, PASSWORD, "a brand new password");
    expect(done).toEqual({ ok: true, sessionVersion: 1 });
    const row = await db.prisma.user.findUnique({ where: { id: u.id } });
    expect(await verifyPassword("a brand new password", row!.passwordHash)).toBe(true);
  });
});

describe(`password reset on ${ENGINE}`, () => {
  it("issues a one-time link valid for an hour and says nothing about unknown emails", async () => {
    const u = await member();
    expect(await createPasswordReset("nobody@example.test")).toBeNull();
    const reset = (await createPasswordReset(u.email!))!;
    expect(reset.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // stored hashed, never as sent
    expect(await db.prisma.verificationToken.count({ where: { token: reset.token } })).toBe(0);
    expect(await resetTokenIsValid(reset.token)).toBe(true);
    expect(await resetPassword(reset.token, "my reset password")).toEqual({ ok: true, userId: u.id });
    expect(await resetPassword(reset.token, "another password!")).toEqual({ ok: false });
    const row = await db.prisma.user.findUnique({ where: { id: u.id } });
    expect(await verifyPassword("my reset password", row!.passwordHash)).toBe(true);
    expect(row!.sessionVersion).toBe(1);
    // an hour later the link is dead
    const late = (await createPasswordReset(u.email!))!;
    await db.prisma.verificationToken.updateMany({ where: { identifier: `password-reset:${u.id}` }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await resetTokenIsValid(late.token)).toBe(false);
    expect(await resetPassword(late.token, "too late password")).toEqual({ ok: false });
  });
});

describe(`accounts members control on ${ENGINE}`, () => {
  it("exports the member's data and deletes the account with every counter corrected", async () => {
    const me = await member();
    const a = actor(me);
    const alien0 = await film("alien");
    const mine = await saveReview(a, { filmId: alien0.id, rating: 2, body: "Not for me." });
    if (!mine.ok) throw new Error(mine.message);
    // others vote on my review; I vote and report on theirs; a wishlist
    const fan = await member();
    await voteOnReview(actor(fan), { reviewId: mine.data.reviewId, value: "YES" });
    const theirs = await review("heat", 5);
    const other = await review("heat", 3);
    expect(await voteOnReview(a, { reviewId: theirs.id, value: "YES" })).toMatchObject({ ok: true });
    expect(await voteOnReview(a, { reviewId: other.id, value: "NO" })).toMatchObject({ ok: true });
    expect(await reportReview(a, { reviewId: other.id, reason: "SPAM" }, 3)).toMatchObject({ ok: true });
    await setWishlist(a, { filmId: alien0.id, on: true });

    const data = (await exportAccountData(me.id))!;
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, displayName: me.name });
    expect(data.reviews).toEqual([expect.objectContaining({ film: "alien", rating: 2, body: "Not for me." })]);
    expect(data.votes).toHaveLength(2);
    expect(data.reports).toEqual([expect.objectContaining({ review: other.id, reason: "SPAM" })]);
    expect(data.wishlist).toEqual([expect.objectContaining({ film: "alien" })]);
    expect(JSON.stringify(data)).not.toContain("scrypt");

    expect(await deleteAccount(me.id, "wrong password")).toEqual({ ok: false, reason: "wrong-password" });
    expect(await db.prisma.user.count({ where: { id: me.id } })).toBe(1);
    const done = await deleteAccount(me.id, PASSWORD);
    expect(done).toMatchObject({ ok: true });
    if (done.ok) expect(done.filmSlugs.sort()).toEqual(["alien", "heat"]);
    expect(await db.prisma.user.count({ where: { id: me.id } })).toBe(0);
    for (const table of [db.prisma.review, db.prisma.helpfulVote, db.prisma.report, db.prisma.wishlistEntry] as { count(a: object): Promise<number> }[]) {
      expect(await table.count({ where: { userId: me.id } })).toBe(0);
    }
    expect((await film("alien")).reviewCount).toBe(alien0.reviewCount);
    expect(await db.prisma.review.findUnique({ where: { id: theirs.id } })).toMatchObject({ helpfulYes: 0, helpfulNo: 0, helpfulScore: 0 });
    expect(await db.prisma.review.findUnique({ where: { id: other.id } })).toMatchObject({ helpfulNo: 0, reportCount: 0 });
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });
});

describe(`reports and the moderation queue on ${ENGINE}`, () => {
  it("reports from fresh accounts reach moderators but do not hide a review", async () => {
    const target = await review("fargo", 1);
    for (let i = 0; i < 4; i++) {
      const r = await reportReview(actor(await member()), { reviewId: target.id, reason: "SPAM" }, 3);
      expect(r).toMatchObject({ ok: true, data: { hidden: false } });
    }
    expect(await db.prisma.review.findUnique({ where: { id: target.id } })).toMatchObject({ status: "VISIBLE", reportCount: 4 });
    // a reporter with a review of their own but a new account does not count either
    const young = await member();
    await saveReview(actor(young), { filmId: (await film("coco")).id, rating: 5 });
    expect(await reportReview(actor(young), { reviewId: target.id, reason: "SPAM" }, 3)).toMatchObject({ data: { hidden: false } });
    // three established members do
    for (let i = 0; i < 3; i++) {
      const r = await reportReview(actor(await member({ established: true })), { reviewId: target.id, reason: "OFFENSIVE" }, 3);
      expect(r).toMatchObject({ ok: true, data: { hidden: i === 2 } });
    }
    expect(await findCounterDrift(db.prisma)).toEqual([]);
  });

  it("pages the queue by keyset past 100 reviews", async () => {
    const reporter = await member();
    const f = await film("roman-holiday");
    // Plain rows (no password hashing): this test is about the queue, not sign-up.
    const stamp = Date.now();
    await db.prisma.user.createMany({ data: Array.from({ length: 110 }, (_, i) => ({ id: `qa_${stamp}_${i}`, displayName: `Queue ${i}` })) });
    const authors = Array.from({ length: 110 }, (_, i) => ({ id: `qa_${stamp}_${i}`, role: "MEMBER" as const }));
    const ids: string[] = [];
    for (const au of authors) {
      const r = await saveReview(actor(au), { filmId: f.id, rating: 2 });
      if (!r.ok) throw new Error(r.message);
      ids.push(r.data.reviewId);
      await reportReview(actor(reporter), { reviewId: r.data.reviewId, reason: "SPAM" }, 3);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await loadModerationPage("pending", cursor, 50);
      seen.push(...page.items.map((i) => i.reviewId));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(ids.every((id) => seen.includes(id))).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(3);
    // a forged cursor starts again from the top instead of failing
    expect((await loadModerationPage("pending", "bm90LWEtY3Vyc29y")).items.length).toBeGreaterThan(0);
  });
});
