import { getCurrentUser } from "@/lib/auth/session";
import { exportAccountData } from "@/lib/data/account";
import { checkLimit } from "@/lib/actions/limit";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** GET /account/data — the signed-in member's data as a JSON download. */
export async function GET(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: { message: "Sign in to download your data.", fields: {} } }, { status: 401, headers: PRIVATE });
    const blocked = await checkLimit("export", `user:${user.id}`);
    if (blocked) return Response.json({ error: { message: blocked.message, fields: {} } }, { status: 429, headers: PRIVATE });
    const data = await exportAccountData(user.id);
    if (!data) return Response.json({ error: { message: "Sign in to download your data.", fields: {} } }, { status: 401, headers: PRIVATE });
    return new Response(JSON.stringify(data, null, 2), {
      headers: { ...PRIVATE, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="marquee-data.json"` },
    });
  } catch (e) {
    console.error("data export failed", e);
    return Response.json({ error: { message: "Something went wrong on our side. Try again in a moment.", fields: {} } }, { status: 500, headers: PRIVATE });
  }
}
