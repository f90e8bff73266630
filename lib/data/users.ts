import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import type { SignUpInput } from "../validation/auth";

export type RoleName = "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER";
export type SessionUser = { id: string; name: string; email: string | null; role: RoleName; publisherId?: string | null; sessionVersion: number };

export async function findUserForSignIn(email: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, displayName: true, email: true, role: true, passwordHash: true, sessionVersion: true },
  });
}

export async function loadUserById(id: string): Promise<SessionUser | null> {
  const prisma = await db();
  const u = await prisma.user.findUnique({
    where: { id },
    select: { id: true, displayName: true, email: true, role: true, publisherId: true, sessionVersion: true },
  });
  return u ? { id: u.id, name: u.displayName, email: u.email, role: u.role, publisherId: u.publisherId, sessionVersion: u.sessionVersion } : null;
}

/**
 * Ends every session of the member: tokens carry the version they began with, and
 * lib/auth/session.ts refuses an older one. With `from`, only bumps when the version
 * is still that one (a second sign-out of the same session changes nothing more).
 */
export async function bumpSessionVersion(id: string, from?: number): Promise<number | null> {
  const prisma = await db();
  const rows = await prisma.user.updateManyAndReturn({
    where: { id, ...(from !== undefined ? { sessionVersion: from } : {}) },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return rows[0]?.sessionVersion ?? null;
}

/**
 * Ends one session (one browser's sign-in): its token's id is refused from now on, until
 * `expiresAt`, when the token itself expires (no path renews a refused token: the jwt
 * callback drops its claims, /api/me renews only sessions it answers). Entries past
 * their expiry are removed on the way. A member who no longer exists: nothing to do.
 */
export async function revokeSession(userId: string, sid: string, expiresAt: Date): Promise<void> {
  const prisma = await db();
  await prisma.$executeRaw`DELETE FROM "RevokedSession" WHERE "expiresAt" < now()`;
  await prisma.$executeRaw`
    INSERT INTO "RevokedSession" (sid, "userId", "expiresAt")
    SELECT ${sid}::text, u.id, ${expiresAt}::timestamp(3) FROM "User" u WHERE u.id = ${userId}::text
    ON CONFLICT (sid) DO NOTHING`;
}

/** Whether this session was signed out (a primary-key probe). */
export async function isSessionRevoked(sid: string): Promise<boolean> {
  const prisma = await db();
  return (await prisma.revokedSession.findUnique({ where: { sid }, select: { sid: true } })) !== null;
}

export type CreateUserResult = { ok: true; user: SessionUser } | { ok: false; reason: "email-taken" };

/** Creates a member with a password. The unique email index decides races. */
export async function createUserWithPassword(input: SignUpInput, role: "MEMBER" | "ADMIN" = "MEMBER"): Promise<CreateUserResult> {
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    const u = await prisma.user.create({
      data: { email: input.email, name: input.name, displayName: input.name, passwordHash, role },
      select: { id: true, displayName: true, email: true, role: true, sessionVersion: true },
    });
    return { ok: true, user: { id: u.id, name: u.displayName, email: u.email, role: u.role, sessionVersion: u.sessionVersion } };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "email-taken" };
    throw e;
  }
}

function toAdapterUser(u: { id: string; email: string | null; emailVerified: Date | null; displayName: string; image: string | null }): AdapterUser {
  return { id: u.id, email: u.email ?? "", emailVerified: u.emailVerified, name: u.displayName, image: u.image };
}

/**
 * next-auth's adapter for OAuth/OIDC sign-in (accounts and users only: sessions are
 * JWTs). Written here rather than @auth/prisma-adapter so that new users get the
 * display name our schema requires.
 */
export function authAdapter(): Adapter {
  return {
    async createUser(data: Omit<AdapterUser, "id">) {
      const prisma = await db();
      const displayName = (data.name || data.email?.split("@")[0] || "Marquee member").slice(0, 60);
      const u = await prisma.user.create({
        data: { email: data.email ? data.email.toLowerCase() : null, emailVerified: data.emailVerified, name: data.name, image: data.image, displayName },
      });
      return toAdapterUser(u);
    },
    async getUser(id) {
      const prisma = await db();
      const u = await prisma.user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const prisma = await db();
      const u = await prisma.user.findUnique({ where: { email: email.toLowerCase() } });
      return u ? toAdapterUser(u) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const prisma = await db();
      const a = await prisma.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, include: { user: true } });
      return a ? toAdapterUser(a.user) : null;
    },
    async updateUser(data) {
      const prisma = await db();
      const u = await prisma.user.update({
        where: { id: data.id },
        data: {
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.image !== undefined ? { image: data.image } : {}),
          ...(data.emailVerified !== undefined ? { emailVerified: data.emailVerified } : {}),
        },
      });
      return toAdapterUser(u);
    },
    async linkAccount(account: AdapterAccount) {
      const prisma = await db();
      await prisma.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
  };
}
