import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { loadUserById, type SessionUser } from "../data/users";

/**
 * The signed-in member for this request, read fresh from the database (so a removed
 * account or a changed role takes effect at once), or null for visitors. A session
 * that began before the member's last sign-out, "sign out everywhere" or password
 * change carries an older session version and counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await loadUserById(id);
  return user && sessionIsCurrent(user, session.sv) ? user : null;
});

export function sessionIsCurrent(user: Pick<SessionUser, "sessionVersion">, tokenVersion: number | undefined): boolean {
  return (tokenVersion ?? 0) === user.sessionVersion;
}
