import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string | null; role: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER" } & Omit<
      DefaultSession["user"],
      "name" | "email"
    >;
    /** The user's session version when this session began (lib/auth/session.ts). */
    sv?: number;
  }
  interface User {
    role?: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER";
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER";
    sv?: number;
    /** This session's id, made at sign-in: signing out revokes it (lib/data/users.ts revokeSession). */
    sid?: string;
  }
}
