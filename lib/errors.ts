// Unexpected failures: what users see (a generic message with a reference code) and
// what the server logs (one line per failure: route, code, digest, the original error).
import { describeError, log, requestContext } from "./log";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

/** A short code a person can read out to support, e.g. "MQ-7KX3P9". */
export function newReferenceCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  let s = "";
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `MQ-${s}`;
}

const UNREACHABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNREACHABLE_TEXT =
  /can't reach database server|ECONNREFUSED|ECONNRESET|connection terminated|server closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|timed out fetching a new connection|DatabaseNotReachable|ConnectionClosed|Connection refused|is in use by another process/i;

/** True when the error (or one of its causes) says the database could not be reached. */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown; kind?: unknown };
  if (typeof err.code === "string" && UNREACHABLE_CODES.has(err.code)) return true;
  if (err.name === "DataDirLockedError") return true;
  if (typeof err.message === "string" && UNREACHABLE_TEXT.test(err.message)) return true;
  if (typeof err.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(err.kind)) return true;
  return isDatabaseUnavailable(err.cause, depth + 1);
}

/** This request failed on the database, and so did the process recently (scripts/server.mjs reads both). */
export function markDatabaseUnavailable(): void {
  const ctx = requestContext();
  if (ctx) ctx.dbUnavailable = true;
  (globalThis as { __marqueeFailedAt?: number }).__marqueeFailedAt = Date.now();
}

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";
export const DATABASE_DOWN = "We can’t reach our database right now. Please try again in a minute.";

export type Failure = { code: string; databaseUnavailable: boolean; message: string };

/**
 * Logs one line for an unexpected failure and returns what to tell the user:
 * a generic message (never the raw error) ending with the reference code.
 */
export function reportFailure(route: string, error: unknown, extra: { digest?: string } = {}): Failure {
  const code = newReferenceCode();
  const databaseUnavailable = isDatabaseUnavailable(error);
  if (databaseUnavailable) markDatabaseUnavailable();
  const ctx = requestContext();
  if (ctx) ctx.failed = true;
  (globalThis as { __marqueeFailedAt?: number }).__marqueeFailedAt = Date.now();
  log("error", "request failed", { route, code, digest: extra.digest, databaseUnavailable, error: describeError(error) });
  return { code, databaseUnavailable, message: `${databaseUnavailable ? DATABASE_DOWN : GENERIC_FAILURE} (Reference: ${code})` };
}
