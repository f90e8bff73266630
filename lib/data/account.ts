import "server-only";
// A member's own account: name, password, sessions, their data, and deleting it all
// with every counter it touched corrected in the same transaction.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { hashPassword, verifyPassword } from "../auth/password";
import { wilsonLowerBound } from "../ratings";
import { writeTx } from "./tx";

export async function loadAccount(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, email: true, createdAt: true, passwordHash: true, sessionVersion: true },
  });
}

export async function updateDisplayName(userId: string, name: string): Promise<void> {
  const prisma = await db();
  await prisma.user.update({ where: { id: userId }, data: { displayName: name, name }, select: { id: true } });
}

export type PasswordChange = { ok: true; sessionVersion: number } | { ok: false; reason: "wrong-password" | "no-account" };

/**
 * Checks the current password, stores the new one and bumps the session version (every
 * session ends; the caller reissues the current one). Pending reset links die with it.
 */
export async function changePassword(userId: string, current: string, next: string): Promise<PasswordChange> {
  const prisma = await db();
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!u) return { ok: false, reason: "no-account" };
  if (!(await verifyPassword(current, u.passwordHash))) return { ok: false, reason: "wrong-password" };
  const passwordHash = await hashPassword(next);
  const updated = await prisma.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await prisma.verificationToken.deleteMany({ where: { identifier: resetIdentifier(userId) } });
  return { ok: true, sessionVersion: updated.sessionVersion };
}

/** Everything the member gave us, as plain JSON. */
export async function exportAccountData(userId: string) {
  const prisma = await db();
  const u = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      name: true,
      image: true,
      role: true,
      createdAt: true,
      accounts: { select: { provider: true } },
      reviews: {
        select: {
          id: true,
          rating: true,
          body: true,
          anonymous: true,
          spoiler: true,
          status: true,
          createdAt: true,
          editedAt: true,
          film: { select: { slug: true, title: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      votes: { select: { value: true, createdAt: true, review: { select: { id: true, film: { select: { slug: true } } } } }, orderBy: { createdAt: "asc" } },
      reports: {
        select: { reason: true, note: true, status: true, createdAt: true, review: { select: { id: true, film: { select: { slug: true } } } } },
        orderBy: { createdAt: "asc" },
      },
      wishlist: { select: { createdAt: true, film: { select: { slug: true, title: true } } }, orderBy: { createdAt: "asc" } },
      watchProgress: { select: { seconds: true, updatedAt: true, film: { select: { slug: true } } } },
    },
  });
  if (!u) return null;
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      name: u.name,
      image: u.image,
      role: u.role,
      createdAt: u.createdAt.toISOString(),
      signInProviders: u.accounts.map((a) => a.provider),
    },
    reviews: u.reviews.map((r) => ({
      id: r.id,
      film: r.film.slug,
      filmTitle: r.film.title,
      rating: r.rating,
      body: r.body,
      anonymous: r.anonymous,
      spoiler: r.spoiler,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
    })),
    votes: u.votes.map((v) => ({ review: v.review.id, film: v.review.film.slug, value: v.value, createdAt: v.createdAt.toISOString() })),
    reports: u.reports.map((p) => ({
      review: p.review.id,
      film: p.review.film.slug,
      reason: p.reason,
      note: p.note,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
    })),
    wishlist: u.wishlist.map((w) => ({ film: w.film.slug, title: w.film.title, addedAt: w.createdAt.toISOString() })),
    watchProgress: u.watchProgress.map((w) => ({ film: w.film.slug, seconds: w.seconds, updatedAt: w.updatedAt.toISOString() })),
  };
}

export type DeleteOutcome = { ok: true; filmSlugs: string[] } | { ok: false; reason: "wrong-password" | "no-account" };

/**
 * Deletes the member and everything of theirs. In one transaction: the films their
 * visible reviews counted in lose those ratings, the reviews they voted on lose those
 * votes (and get their helpful score back in step), the reviews they reported lose
 * those reports; then the user row goes and the rows cascade with it. An account
 * without a password (a provider sign-in) confirms with its email instead.
 */
export async function deleteAccount(userId: string, confirm: string): Promise<DeleteOutcome> {
  const prisma = await db();
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, email: true } });
  if (!u) return { ok: false, reason: "no-account" };
  const confirmed = u.passwordHash ? await verifyPassword(confirm, u.passwordHash) : !!u.email && confirm.trim().toLowerCase() === u.email;
  if (!confirmed) return { ok: false, reason: "wrong-password" };
  const filmSlugs = await writeTx(async (tx) => {
    // Lock the member's row first: their own concurrent writes wait, then find no user.
    await tx.$queryRaw(Prisma.sql`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`);
    const films = await tx.$queryRaw<{ slug: string }[]>(Prisma.sql`
      UPDATE "Film" f SET
        "reviewCount" = f."reviewCount" - x.n, "ratingSum" = f."ratingSum" - x.total,
        rating1 = f.rating1 - x.r1, rating2 = f.rating2 - x.r2, rating3 = f.rating3 - x.r3, rating4 = f.rating4 - x.r4, rating5 = f.rating5 - x.r5
      FROM (
        SELECT "filmId", count(*)::int AS n, sum(rating)::int AS total,
          (count(*) FILTER (WHERE rating = 1))::int AS r1, (count(*) FILTER (WHERE rating = 2))::int AS r2,
          (count(*) FILTER (WHERE rating = 3))::int AS r3, (count(*) FILTER (WHERE rating = 4))::int AS r4,
          (count(*) FILTER (WHERE rating = 5))::int AS r5
        FROM "Review" WHERE "userId" = ${userId} AND status = 'VISIBLE' GROUP BY "filmId"
      ) x
      WHERE f.id = x."filmId"
      RETURNING f.slug`);
    const voted = await tx.$queryRaw<{ id: string; yes: number; no: number; slug: string }[]>(Prisma.sql`
      UPDATE "Review" r SET "helpfulYes" = r."helpfulYes" - x.y, "helpfulNo" = r."helpfulNo" - x.n
      FROM (
        SELECT "reviewId", (count(*) FILTER (WHERE value = 'YES'))::int AS y, (count(*) FILTER (WHERE value = 'NO'))::int AS n
        FROM "HelpfulVote" WHERE "userId" = ${userId} GROUP BY "reviewId"
      ) x
      WHERE r.id = x."reviewId" AND r."userId" <> ${userId}
      RETURNING r.id, r."helpfulYes" AS yes, r."helpfulNo" AS no, (SELECT slug FROM "Film" WHERE id = r."filmId") AS slug`);
    for (const v of voted) {
      await tx.review.update({ where: { id: v.id }, data: { helpfulScore: wilsonLowerBound(Number(v.yes), Number(v.no)) }, select: { id: true } });
    }
    const reported = await tx.$queryRaw<{ slug: string }[]>(Prisma.sql`
      UPDATE "Review" r SET "reportCount" = r."reportCount" - 1
      FROM "Report" p
      WHERE p."reviewId" = r.id AND p."userId" = ${userId} AND r."userId" <> ${userId}
      RETURNING (SELECT slug FROM "Film" WHERE id = r."filmId") AS slug`);
    await tx.verificationToken.deleteMany({ where: { identifier: resetIdentifier(userId) } });
    await tx.user.delete({ where: { id: userId }, select: { id: true } });
    return [...new Set([...films, ...voted, ...reported].map((r) => r.slug))];
  });
  return { ok: true, filmSlugs };
}

// ---------------------------------------------------------------- password reset

/** Reset links live in next-auth's VerificationToken table, keyed by user, stored hashed. */
export const RESET_TTL_MS = 60 * 60 * 1000;
const resetIdentifier = (userId: string) => `password-reset:${userId}`;
const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A one-time reset token for the account with this email (null when there is none). */
export async function createPasswordReset(email: string): Promise<{ token: string; email: string } | null> {
  const prisma = await db();
  const u = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!u?.email) return null;
  const token = randomBytes(32).toString("base64url");
  await prisma.verificationToken.deleteMany({ where: { identifier: resetIdentifier(u.id) } });
  await prisma.verificationToken.create({ data: { identifier: resetIdentifier(u.id), token: tokenHash(token), expires: new Date(Date.now() + RESET_TTL_MS) } });
  return { token, email: u.email };
}

/** Whether a reset token is valid now (for the page: show the form or say the link expired). */
export async function resetTokenIsValid(token: string): Promise<boolean> {
  const prisma = await db();
  const row = await prisma.verificationToken.findUnique({ where: { token: tokenHash(token) }, select: { expires: true, identifier: true } });
  return !!row && row.identifier.startsWith("password-reset:") && row.expires.getTime() > Date.now();
}

/**
 * Uses a reset token once: the token is deleted in the same statement that finds it,
 * so two uses cannot both succeed. Sets the password and ends every session.
 */
export async function resetPassword(token: string, password: string): Promise<{ ok: true; userId: string } | { ok: false }> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ identifier: string; expires: Date }[]>(Prisma.sql`
    DELETE FROM "VerificationToken" WHERE token = ${tokenHash(token)} AND identifier LIKE 'password-reset:%' RETURNING identifier, expires`);
  const row = rows[0];
  if (!row || new Date(row.expires).getTime() <= Date.now()) return { ok: false };
  const userId = row.identifier.slice("password-reset:".length);
  const passwordHash = await hashPassword(password);
  const n = await prisma.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  return n.count ? { ok: true, userId } : { ok: false };
}
