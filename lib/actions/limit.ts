import "server-only";
import { headers } from "next/headers";
import { hitLimit } from "../data/rate-limit";
import { settings } from "../env";
import { fail, type Fail } from "../result";
import { clientAddress } from "../security/client-address";
import { limitOf, tooManyMessage, type LimitName } from "../security/limits";

/** The client address of the request being served (server actions and route handlers). */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}

/**
 * Counts one attempt of `name` for `subject` ("user:<id>", "addr:<ip>", …); over the
 * limit it answers the "Too many … Try again in N minutes." failure (with the message
 * also under `field`, so forms show it next to the control), else null.
 */
export async function checkLimit(name: LimitName, subject: string, field = "form"): Promise<Fail | null> {
  const spec = limitOf(name, settings().limits);
  const state = await hitLimit(`${name}:${subject}`, spec.max, spec.windowSeconds);
  if (state.allowed) return null;
  const message = tooManyMessage(spec, state.retryAfterSeconds);
  return fail(message, "rate-limited", { [field]: [message] });
}
