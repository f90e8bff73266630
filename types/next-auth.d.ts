import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string | null; role: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER" } & Omit<DefaultSession["user"], "name" | "email">;
  }
  interface User {
    role?: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER";
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER";
  }
}
