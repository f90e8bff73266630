// Calls a server action over HTTP as React's client does, for tests that need many calls
// (fuzzing, rate limits). Action ids come from the production build's manifest.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

let ids: Map<string, string> | undefined;

/** exportedName → action id, from .next/server/server-reference-manifest.json. */
export function actionIds(): Map<string, string> {
  if (ids) return ids;
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { exportedName?: string; workers?: Record<string, { exportedName?: string }> }>;
  };
  ids = new Map();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = entry.exportedName ?? Object.values(entry.workers ?? {}).find((w) => w.exportedName)?.exportedName;
    if (name) ids.set(name, id);
  }
  return ids;
}

export function actionId(name: string): string {
  const id = actionIds().get(name);
  if (!id) throw new Error(`No server action named ${name} in the build (have: ${[...actionIds().keys()].join(", ")})`);
  return id;
}

export type ActionResponse = { status: number; body: string };

/** Plain arguments: the body is their JSON (React's encodeReply for plain values). */
// Posted to a film page, where the review and vote forms live: measured, an action posted
// there is answered in about half the time of one posted to a prerendered page such as
// "/" (9.5 vs 23.7 ms, 6 at a time), which halves the fuzz test's 14,000 calls.
const ACTION_PAGE = "/films/the-work";

export async function callAction(request: APIRequestContext, name: string, args: unknown[] | string, page = ACTION_PAGE): Promise<ActionResponse> {
  const res = await request.post(page, {
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: typeof args === "string" ? args : JSON.stringify(args),
    failOnStatusCode: false,
  });
  return { status: res.status(), body: await res.text() };
}

/** A (prevState, formData) action as useActionState calls it: multipart, root [state, "$K1"], entries "_1_<name>". */
export async function callFormAction(
  request: APIRequestContext,
  name: string,
  fields: Record<string, string>,
  opts: { root?: string; page?: string } = {},
): Promise<ActionResponse> {
  const multipart: Record<string, string> = { "0": opts.root ?? `[null,"$K1"]` };
  for (const [k, v] of Object.entries(fields)) multipart[`_1_${k}`] = v;
  const res = await request.post(opts.page ?? ACTION_PAGE, {
    headers: { "Next-Action": actionId(name), Accept: "text/x-component" },
    multipart,
    failOnStatusCode: false,
  });
  return { status: res.status(), body: await res.text() };
}
