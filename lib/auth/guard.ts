import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "./session";
import type { SessionUser } from "../data/users";
import type { RoleHolder } from "./roles";

/**
 * For admin pages: visitors go to sign in (and come back), members without the role
 * get a 404 (the page does not exist for them).
 */
export async function requirePage(allowed: (u: RoleHolder) => boolean, path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!allowed(user)) notFound();
  return user;
}
