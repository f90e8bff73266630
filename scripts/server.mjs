// The production server: Next.js in this process, with a small front cache for the
// pages Next serves from its page cache (film, reviews, genre and home pages, the film
// API). Those pages are the same bytes for everyone, so a copy answers the next request
// without going through Next's router at all. Any cache invalidation (a tag expired on
// this instance, or on another one through Redis; see lib/cache/handler.mjs) empties the
// front cache, so a write is visible on the very next load. Everything else (sessions,
// actions, RSC navigation, dynamic pages) goes straight to Next.
//
// Started by scripts/start.mjs (`npm start`), with PORT and HOST.
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import next from "next";
import { createFrontCache } from "../lib/cache/front.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "localhost";

// MARQUEE_DIR: a folder with its own copy of the build (.next), for several instances on one machine.
const app = next({ dev: false, dir: process.env.MARQUEE_DIR || root, hostname, port });
const handle = app.getRequestHandler();
const front = createFrontCache({ maxBytes: Math.max(8, Number(process.env.FRONT_CACHE_MB) || 64) * 1024 * 1024, ttlMs: 60_000, gzip: zlib.gzipSync });

await app.prepare();

const server = http.createServer((req, res) => {
  if (front.serve(req, res)) return;
  front.capture(req, res);
  handle(req, res).catch((e) => {
    console.error("request failed", req.url, e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end("Internal Server Error");
    }
  });
});
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`▲ Next.js ${app.version ?? ""} on http://${hostname}:${port} (front cache on)`);
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing requests in flight, then stopping.`);
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => stop(sig));
