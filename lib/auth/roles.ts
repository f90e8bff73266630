// Who may do what. ADMIN is the moderator and first admin: it can do everything.
import type { RoleName } from "../data/users";

export type RoleHolder = { role: RoleName } | null | undefined;

/** Add, edit, unpublish, delete and import films; reply to any review; read the audit trail. */
export function canEditCatalog(u: RoleHolder): boolean {
  return u?.role === "EDITOR" || u?.role === "ADMIN";
}

/** Grant and revoke roles. */
export function canManageRoles(u: RoleHolder): boolean {
  return u?.role === "ADMIN";
}

/** Decide on reported reviews and replies. */
export function canModerate(u: RoleHolder): boolean {
  return u?.role === "ADMIN";
}

/** Read the audit trail. */
export function canReadAudit(u: RoleHolder): boolean {
  return u?.role === "ADMIN" || u?.role === "EDITOR";
}
