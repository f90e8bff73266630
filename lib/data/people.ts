import "server-only";
// Roles: the first admin (ADMIN) finds members by email or name and grants or revokes
// EDITOR, PUBLISHER (linked to a publisher) and ADMIN. Every change is audited.
import { db } from "../db/client";
import { canManageRoles } from "../auth/roles";
import { fail, fromZod, type Result } from "../result";
import { roleChangeSchema } from "../validation/film";
import { writeAudit } from "./audit";
import { publisherId } from "./film-writes";
import type { Actor } from "../auth/actor";
import type { RoleName } from "./users";
import { writeTx } from "./tx";

export type PersonRow = { id: string; name: string; email: string | null; role: RoleName; publisher: string | null };

/** Members whose email or name contains the text (at most 50), staff first when empty. */
export async function searchPeople(q: string): Promise<PersonRow[]> {
  const prisma = await db();
  const text = q.trim().slice(0, 100);
  const rows = await prisma.user.findMany({
    where: text
      ? { OR: [{ email: { contains: text, mode: "insensitive" } }, { displayName: { contains: text, mode: "insensitive" } }] }
      : { role: { not: "MEMBER" } },
    select: { id: true, displayName: true, email: true, role: true, publisher: { select: { name: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: 50,
  });
  return rows.map((u) => ({ id: u.id, name: u.displayName, email: u.email, role: u.role, publisher: u.publisher?.name ?? null }));
}

export async function setRole(actor: Actor, raw: unknown): Promise<Result<{ userId: string; role: RoleName }>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  if (!canManageRoles(actor)) return fail("Only an admin can grant or revoke roles.", "forbidden");
  const parsed = roleChangeSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  const { userId, role, publisher } = parsed.data;
  return writeTx(async (tx) => {
    const u = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, displayName: true, email: true, role: true, publisher: { select: { name: true } } },
    });
    if (!u) return fail("That member no longer exists.", "not-found");
    if (u.id === actor.id && role !== "ADMIN") return fail("You can’t take the admin role from yourself: ask another admin.", "forbidden");
    const pubId = role === "PUBLISHER" ? await publisherId(tx, publisher) : null;
    await tx.user.update({ where: { id: u.id }, data: { role, publisherId: pubId }, select: { id: true } });
    const before = `${u.role}${u.publisher ? ` (${u.publisher.name})` : ""}`;
    const after = `${role}${role === "PUBLISHER" ? ` (${publisher})` : ""}`;
    if (before !== after) {
      await writeAudit(tx, {
        actorId: actor.id,
        kind: "role.change",
        targetType: "user",
        targetId: u.id,
        targetLabel: `${u.displayName}${u.email ? ` <${u.email}>` : ""}`,
        summary: `role: ${before} → ${after}`,
      });
    }
    return {
      ok: true,
      message: `${u.displayName} is now ${role === "PUBLISHER" ? `a publisher for ${publisher}` : role === "MEMBER" ? "a member" : `${role === "ADMIN" ? "an admin" : "an editor"}`}.`,
      data: { userId: u.id, role },
    };
  });
}
