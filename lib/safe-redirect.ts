import { siteUrl } from "./env";

/**
 * A callbackUrl we are willing to send people to: a path on this site only.
 * Absolute URLs, protocol-relative ("//evil"), backslash tricks and javascript: are refused.
 */
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  let value = raw.trim();
  try {
    // Accept absolute URLs on our own origin by reducing them to their path.
    if (/^https?:\/\//i.test(value)) {
      const u = new URL(value);
      const site = new URL(siteUrl());
      if (u.origin !== site.origin) return fallback;
      value = `${u.pathname}${u.search}${u.hash}`;
    }
  } catch {
    return fallback;
  }
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f\\]/.test(value)) return fallback;
  // Percent-encode what is not printable ASCII, so the path can go into a Location
  // header (which only carries Latin-1) as is; a lone surrogate cannot be encoded.
  try {
    return value.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return fallback;
  }
}
