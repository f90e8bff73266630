import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  // next-auth v4 reads params synchronously; Next 16 hands them over as a promise.
  const params = await ctx.params;
  return NextAuth(req as never, { params } as never, authOptions());
}

export { handler as GET, handler as POST };
