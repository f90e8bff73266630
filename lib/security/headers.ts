// Security headers for every response (pages, cached pages, API, images), set through
// next.config.ts headers() so they are static: no per-request nonce, which would force
// every page to render per request.
//
// Scripts: only from this site, plus inline scripts. Next writes its page data and
// bootstrap as inline <script> tags (self.__next_f.push(...)) whose content differs per
// page and per build; without a per-request nonce (which would make every cached page
// dynamic) the only way to allow them is 'unsafe-inline'. Everything else that makes
// inline script dangerous stays closed: no eval in production, no other origin, no
// plugins (object-src 'none'), no <base> hijack, no framing, forms post only here.
export function contentSecurityPolicy(dev = false): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...(dev ? ["ws:"] : [])],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join("; ");
}

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";
export const HSTS = "max-age=31536000; includeSubDomains";

export type HeaderRule = { source: string; headers: { key: string; value: string }[]; has?: { type: "header"; key: string; value: string }[] };

export function securityHeaderRules(opts: { dev?: boolean; https?: boolean } = {}): HeaderRule[] {
  const all = "/:path*";
  const rules: HeaderRule[] = [
    {
      source: all,
      headers: [
        { key: "Content-Security-Policy", value: contentSecurityPolicy(opts.dev) },
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      ],
    },
    // HSTS only means something over https: when the public URL is https (at build), or
    // when the TLS-terminating proxy says the request came over https.
    opts.https
      ? { source: all, headers: [{ key: "Strict-Transport-Security", value: HSTS }] }
      : { source: all, has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
  ];
  return rules;
}
