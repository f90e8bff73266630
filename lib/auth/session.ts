import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { getUserById, type SessionUser } from "../data/users";

/**
 * The signed-in member for this request, read fresh from the database (so a removed
 * account or a changed role takes effect at once), or null for visitors.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  return id ? getUserById(id) : null;
});
