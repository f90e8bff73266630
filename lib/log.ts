// Server log lines. LOG_FORMAT=json writes one JSON object per line; otherwise one
// readable line. Lines written while a request is served carry its request id
// (scripts/server.mjs keeps it in an AsyncLocalStorage on globalThis).
import type { AsyncLocalStorage } from "node:async_hooks";
import { settings } from "./env";

export type RequestContext = { id: string; dbUnavailable: boolean; failed?: boolean };
type Level = "info" | "warn" | "error";

export function requestContext(): RequestContext | undefined {
  const als = (globalThis as { __marqueeRequestContext?: AsyncLocalStorage<RequestContext> }).__marqueeRequestContext;
  return als?.getStore();
}

/** LOG_FORMAT=json. Logging never fails: a configuration that does not validate logs readable lines. */
function jsonLines(): boolean {
  try {
    return settings().LOG_FORMAT === "json";
  } catch {
    return false;
  }
}

/** The error as plain fields: name, message, code, the cause chain, the stack. */
export function describeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const out: Record<string, unknown> = { name: e.name, message: e.message };
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (e.cause !== undefined && e.cause !== e) out.cause = describeError(e.cause);
  if (e.stack) out.stack = e.stack;
  return out;
}

function oneLine(v: unknown): string {
  return String(v).replace(/\s*\n\s*/g, " | ");
}

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const requestId = requestContext()?.id;
  const stream = typeof process !== "undefined" ? (level === "info" ? process.stdout : process.stderr) : undefined;
  const write = (line: string) => (stream?.write ? stream.write(line + "\n") : console[level](line));
  if (jsonLines()) {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields }));
    return;
  }
  const parts = Object.entries({ ...(requestId ? { requestId } : {}), ...fields })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (v && typeof v === "object") {
        const err = v as { name?: string; message?: string; code?: string; cause?: { message?: string } };
        return `${k}=${oneLine(err.message !== undefined ? `${err.name ?? "Error"}${err.code ? `[${err.code}]` : ""}: ${err.message}${err.cause?.message ? ` (cause: ${err.cause.message})` : ""}` : JSON.stringify(v))}`;
      }
      return `${k}=${oneLine(v)}`;
    });
  write(`${level.toUpperCase()} ${msg} ${parts.join(" ")}`);
}
