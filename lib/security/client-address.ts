// The client's address, for per-address limits. X-Forwarded-For is believed only as
// far as TRUST_PROXY says: with TRUST_PROXY=0 (the default) it is ignored and the TCP
// peer is used; with TRUST_PROXY=N the Nth address from the right of
// "X-Forwarded-For, <socket address>" is the client (the N nearest hops being our own
// proxies, which append what they saw).
import { settings } from "../env";

export const SOCKET_HEADER = "x-marquee-socket-address";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined | null;

function read(h: HeaderSource, name: string): string | undefined {
  if (!h) return undefined;
  if (typeof (h as { get?: unknown }).get === "function") return (h as { get(n: string): string | null }).get(name) ?? undefined;
  const v = (h as Record<string, unknown>)[name];
  return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
}

/** Keeps an address short and printable (it becomes part of a rate-limit key). */
function clean(a: string | undefined): string | undefined {
  const t = a?.trim().slice(0, 64);
  return t && /^[0-9A-Za-z:.%_\-[\]]+$/.test(t) ? t.replace(/^::ffff:/, "") : undefined;
}

export function trustedProxyHops(raw: unknown = settings().TRUST_PROXY): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string {
  // Set by scripts/socket-address.cjs under `npm start`. Without it (next dev) Next's
  // own X-Forwarded-For is the only hint: its last entry is the nearest peer.
  const forwarded = (read(headers, "x-forwarded-for") ?? "")
    .slice(0, 2000)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const socket = clean(read(headers, SOCKET_HEADER)) ?? clean(forwarded.at(-1)) ?? "unknown";
  if (hops === 0) return socket;
  const chain = [...forwarded, socket];
  return clean(chain[Math.max(0, chain.length - 1 - hops)]) ?? socket;
}
