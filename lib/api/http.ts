// JSON responses of the public API: one place for status codes, headers and the error shape.
import { z } from "zod";
import { apiErrorSchema, type ApiError } from "../validation/api";
import { reportFailure } from "../errors";

/** Shared caches keep a list or a film for a minute and may serve it stale for five while refreshing. */
export const PUBLIC_CACHE = "public, s-maxage=60, stale-while-revalidate=300";

const COMMON = {
  // Read-only and credential-free: any site may call it from the browser.
  "Access-Control-Allow-Origin": "*",
  // X-Content-Type-Options and the other security headers: next.config.ts, on every response.
};

/** The query string as a record (a repeated key becomes an array; the schemas take its first value). */
export function queryOf(request: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(request.url).searchParams) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

function json(body: unknown, status: number, cache: string): Response {
  return Response.json(body, { status, headers: { ...COMMON, "Cache-Control": cache } });
}

/** 200 with the body parsed through its schema: only what the contract names leaves the server. */
export function ok<S extends z.ZodType>(schema: S, body: z.input<S>): Response {
  return json(schema.parse(body), 200, PUBLIC_CACHE);
}

function error(status: number, message: string, fields: Record<string, string[]>, cache: string): Response {
  const body: ApiError = apiErrorSchema.parse({ error: { message, fields } });
  return json(body, status, cache);
}

/** 400 for query parameters that do not fit the contract, with the problems per parameter. */
export function badRequest(problem: z.ZodError | { message: string; fields: Record<string, string[]> }): Response {
  if (problem instanceof z.ZodError) {
    const flat = z.flattenError(problem);
    const fields: Record<string, string[]> = {};
    const fieldErrors: Record<string, string[] | undefined> = flat.fieldErrors;
    for (const [k, v] of Object.entries(fieldErrors)) if (v?.length) fields[k] = v;
    const message = `Invalid query parameter${Object.keys(fields).length === 1 ? "" : "s"}: ${Object.keys(fields).join(", ") || "request"}`;
    return error(400, message, fields, "no-store");
  }
  return error(400, problem.message, problem.fields, "no-store");
}

export function notFound(message: string): Response {
  return error(404, message, {}, PUBLIC_CACHE);
}

/** Runs a handler; anything it throws becomes a JSON 500 (and a log line), never an HTML page. */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    const f = reportFailure("api", e);
    if (f.databaseUnavailable) {
      const res = error(503, f.message, {}, "no-store");
      res.headers.set("Retry-After", "30");
      return res;
    }
    return error(500, f.message, {}, "no-store");
  }
}
