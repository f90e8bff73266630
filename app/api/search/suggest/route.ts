import { z } from "zod";
import { suggestFilms } from "@/lib/data/search";
import { suggestParamsFrom, suggestParamsSchema } from "@/lib/validation/search";
import { reportFailure } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Suggestions are the same for everyone: a browser or a shared cache may keep them a minute. */
const CACHE = "public, max-age=60, s-maxage=60, stale-while-revalidate=300";

/** GET /api/search/suggest?q=…&limit=… → [{ slug, title, year }], best first (the header's search box). */
export async function GET(request: Request): Promise<Response> {
  const parsed = suggestParamsSchema.safeParse(suggestParamsFrom(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fields = Object.fromEntries(
      Object.entries(z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>).filter(([, v]) => v?.length),
    );
    return Response.json(
      { error: { message: `Invalid query parameter${Object.keys(fields).length === 1 ? "" : "s"}: ${Object.keys(fields).join(", ")}`, fields } },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    const { folded, limit } = parsed.data;
    const results = folded ? await suggestFilms(folded, limit) : [];
    return Response.json(results, { headers: { "Cache-Control": CACHE } });
  } catch (e) {
    const f = reportFailure("api:/api/search/suggest", e);
    return Response.json(
      { error: { message: `Suggestions are unavailable right now. (Reference: ${f.code})`, fields: {} } },
      { status: f.databaseUnavailable ? 503 : 500, headers: { "Cache-Control": "no-store", ...(f.databaseUnavailable ? { "Retry-After": "30" } : {}) } },
    );
  }
}
