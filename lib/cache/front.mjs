// The front cache of scripts/server.mjs: full responses of pages that Next served from
// its page cache, kept in memory (LRU, size-bounded, short TTL) and replayed byte for byte,
// gzip-compressed once for clients that accept it. Emptied on every cache invalidation:
// lib/cache/handler.mjs calls globalThis.__marqueeFrontCache.clear().

const SKIP_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "set-cookie"]);
// RSC navigations and prefetches vary by these; only plain document and API GETs are kept.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];

export function createFrontCache({ maxBytes, ttlMs, gzip }) {
  /** url -> { status, headers, body, gz, etag, size, expires } */
  const entries = new Map();
  let bytes = 0;
  let generation = 0;

  function drop(key) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.size;
  }

  function clear() {
    generation++;
    entries.clear();
    bytes = 0;
  }
  globalThis.__marqueeFrontCache = { clear };

  function eligible(req) {
    if (req.method !== "GET") return false;
    const url = req.url ?? "";
    if (url.length > 2048 || url.includes("_rsc=") || url.startsWith("/_next/")) return false;
    for (const h of ROUTER_HEADERS) if (req.headers[h] !== undefined) return false;
    return true;
  }

  /** Responses differ by scheme (HSTS only over https, set from X-Forwarded-Proto). */
  function keyOf(req) {
    const proto = String(req.headers["x-forwarded-proto"] ?? "").toLowerCase() === "https" ? "https" : "http";
    return `${proto} ${req.url}`;
  }

  function acceptsGzip(req) {
    return /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  }

  return {
    clear,
    stats: () => ({ entries: entries.size, bytes, generation }),

    /** Answers from the cache when it can; true when it did. */
    serve(req, res) {
      if (!eligible(req)) return false;
      const key = keyOf(req);
      const e = entries.get(key);
      if (!e) return false;
      if (e.expires < Date.now()) {
        drop(key);
        return false;
      }
      // LRU order: most recently used last.
      entries.delete(key);
      entries.set(key, e);
      if (e.etag && req.headers["if-none-match"] === e.etag) {
        res.writeHead(304, { ETag: e.etag, "Cache-Control": e.headers["cache-control"] ?? "" });
        res.end();
        return true;
      }
      const useGzip = e.gz && acceptsGzip(req);
      const body = useGzip ? e.gz : e.body;
      res.writeHead(e.status, {
        ...e.headers,
        "x-marquee-front": "HIT",
        "Content-Length": body.length,
        ...(useGzip ? { "Content-Encoding": "gzip" } : {}),
        Vary: "Accept-Encoding",
      });
      res.end(body);
      return true;
    },

    /**
     * Watches Next's answer to an eligible request and keeps it when Next served it from
     * its page cache (x-nextjs-cache HIT or MISS: fresh), with status 200 and no cookie.
     * Next is asked for the uncompressed bytes; this cache compresses once.
     */
    capture(req, res) {
      if (!eligible(req)) return;
      const key = keyOf(req);
      req.headers["accept-encoding"] = "identity";
      const startGen = generation;
      const chunks = [];
      let size = 0;
      let tooBig = false;
      let headArg = null;
      const writeHead = res.writeHead;
      const write = res.write;
      const end = res.end;
      res.writeHead = function (status, ...rest) {
        headArg = rest.find((x) => x && typeof x === "object") ?? null;
        return writeHead.call(this, status, ...rest);
      };
      const keep = (chunk, encoding) => {
        if (chunk == null || tooBig) return;
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
        size += b.length;
        if (size > 4 * 1024 * 1024) tooBig = true;
        else chunks.push(b);
      };
      res.write = function (chunk, encoding, cb) {
        keep(chunk, encoding);
        return write.call(this, chunk, encoding, cb);
      };
      res.end = function (chunk, encoding, cb) {
        if (typeof chunk !== "function") keep(chunk, encoding);
        const result = end.call(this, chunk, encoding, cb);
        try {
          const headers = { ...res.getHeaders(), ...(headArg ?? {}) };
          const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
          const state = String(lower["x-nextjs-cache"] ?? "");
          if (
            tooBig ||
            res.statusCode !== 200 ||
            !["HIT", "MISS"].includes(state) ||
            lower["set-cookie"] ||
            lower["content-encoding"] ||
            generation !== startGen
          )
            return result;
          const body = Buffer.concat(chunks);
          const kept = {};
          for (const [k, v] of Object.entries(lower)) if (!SKIP_HEADERS.has(k) && v !== undefined) kept[k] = Array.isArray(v) ? v.join(", ") : String(v);
          kept["x-nextjs-cache"] = "HIT";
          const gz = gzip(body);
          const entry = {
            status: 200,
            headers: kept,
            body,
            gz,
            etag: kept.etag,
            size: body.length + gz.length + key.length + 512,
            expires: Date.now() + ttlMs,
          };
          drop(key);
          entries.set(key, entry);
          bytes += entry.size;
          for (const k of entries.keys()) {
            if (bytes <= maxBytes) break;
            drop(k);
          }
        } catch {
          /* never let the cache break a response */
        }
        return result;
      };
    },
  };
}
