// The production server `npm start` runs (after building): one Node process that
//  1. takes the embedded database's folder lock (a second server on the folder stops here),
//  2. prepares the database (scripts/prepare-db.ts, as its child),
//  3. serves Next on HOST:PORT with a request id per request (X-Request-Id, log lines),
//  4. on SIGTERM / SIGINT / SIGHUP stops accepting, lets requests in flight finish
//     (at most SHUTDOWN_TIMEOUT_MS, default 10 s), closes the database (PGlite is
//     flushed and closed) and exits 0,
//  5. answers `npm run db:backup` on a local control socket while it holds PGlite,
//  6. keeps a front cache of the pages Next serves from its page cache (film, reviews,
//     genre and home pages, the film API): the same bytes for everyone, replayed without
//     entering Next; any cache invalidation (here, or on another instance through Redis,
//     see lib/cache/handler.mjs) empties it, so a write shows on the very next load,
//  7. answers a member's own request (GET /api/me) by the app's function directly.
import http from "node:http";
import net from "node:net";
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { createInterface } from "node:readline";
import zlib from "node:zlib";
// Every request carries its real socket address in a header of our own (a client's copy
// is overwritten): per-address limits must not trust a client's X-Forwarded-For.
import "./socket-address.cjs";
import { createFrontCache } from "../lib/cache/front.mjs";
import { acquireDataDirLock, controlSocketPath, DataDirLockedError, embeddedDataDir } from "../lib/db/dir-lock.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "localhost";
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
const json = process.env.LOG_FORMAT === "json";

// ---- logs: one request id through every line --------------------------------------
const requests = new AsyncLocalStorage();
globalThis.__marqueeRequestContext = requests; // lib/log.ts reads the id from here

if (json) {
  // Everything written through console (ours and Next's) becomes one JSON line.
  for (const [method, level, stream] of [
    ["log", "info", process.stdout],
    ["info", "info", process.stdout],
    ["warn", "warn", process.stderr],
    ["error", "error", process.stderr],
  ]) {
    console[method] = (...args) => {
      const ctx = requests.getStore();
      stream.write(JSON.stringify({ time: new Date().toISOString(), level, msg: format(...args), ...(ctx ? { requestId: ctx.id } : {}) }) + "\n");
    };
  }
}
const say = (msg) => console.log(msg);

// ---- 1. the folder lock -----------------------------------------------------------
const dataDir = embeddedDataDir(process.env, root);
let releaseLock = () => {};
if (dataDir) {
  try {
    releaseLock = acquireDataDirLock(dataDir, "marquee server");
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`Marquee cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

// ---- signals ----------------------------------------------------------------------
let phase = "preparing"; // preparing | serving | stopping
let prepareChild = null;
let stop = null;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (phase === "preparing") {
      prepareChild?.kill(sig);
      releaseLock();
      process.exit(0);
    }
    if (phase === "serving") stop?.(sig);
    // a second signal while stopping: the first one's deadline still applies
  });
}

// ---- 2. prepare the database ------------------------------------------------------
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const prepared = await new Promise((resolve) => {
  prepareChild = spawn(tsx, [path.join(root, "scripts", "prepare-db.ts")], {
    stdio: json ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, NODE_ENV: "production", MARQUEE_DB_LOCK_PARENT: String(process.pid) },
  });
  if (json) {
    // its lines become JSON lines too
    createInterface({ input: prepareChild.stdout }).on("line", (l) => console.log(l));
    createInterface({ input: prepareChild.stderr }).on("line", (l) => console.error(l));
  }
  prepareChild.on("exit", (code, signal) => resolve(code === 0 && !signal));
});
prepareChild = null;
if (!prepared) {
  releaseLock();
  process.exit(1);
}

// ---- 3. serve ---------------------------------------------------------------------
const { default: next } = await import("next");
// MARQUEE_DIR: a folder with its own copy of the build (.next), for several instances on one machine.
const app = next({ dev: false, dir: process.env.MARQUEE_DIR || root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let idle = null; // resolves when inFlight reaches 0 while stopping
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const front = createFrontCache({ maxBytes: Math.max(8, Number(process.env.FRONT_CACHE_MB) || 64) * 1024 * 1024, ttlMs: 60_000, gzip: zlib.gzipSync });

const server = http.createServer((req, res) => {
  // The common case first: a cached page, answered from memory.
  if (phase === "serving" && front.serve(req, res)) return;
  const incoming = req.headers["x-request-id"];
  const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  const ctx = { id, dbUnavailable: false, failed: false };
  res.setHeader("X-Request-Id", id);
  if (phase === "stopping") res.setHeader("Connection", "close");
  // A page whose render failed because the database is unreachable answers 503 with
  // Retry-After instead of Next's 500 (lib/errors.ts marks the request).
  const writeHead = res.writeHead;
  const unavailable = (status) => {
    if (!ctx.dbUnavailable || status < 200 || status === 503 || (status >= 300 && status < 500)) return status;
    res.setHeader("Retry-After", "30");
    res.setHeader("Cache-Control", "no-store");
    return 503;
  };
  res.writeHead = function (status, ...rest) {
    return writeHead.call(this, status >= 500 ? unavailable(status) : status, ...rest);
  };
  // A streamed page has sent "200" before a part of it fails. While something has failed
  // recently (last minute), pages are held until complete instead, so one that failed
  // answers 503 (database unreachable) or 500. Normal operation streams untouched.
  const failedAt = globalThis.__marqueeFailedAt ?? 0;
  if (req.method === "GET" && Date.now() - failedAt < 60_000 && String(req.headers.accept ?? "").includes("text/html")) {
    holdUntilEnd(res, (s) => unavailable(ctx.failed && s >= 200 && s < 300 ? 500 : s), writeHead);
  }
  inFlight++;
  const t0 = Date.now();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    inFlight--;
    if (json) {
      const level = res.statusCode >= 500 ? "error" : "info";
      (level === "error" ? process.stderr : process.stdout).write(
        JSON.stringify({
          time: new Date().toISOString(),
          level,
          msg: "request",
          requestId: id,
          method: req.method,
          path: req.url,
          status: res.statusCode,
          ms: Date.now() - t0,
        }) + "\n",
      );
    } else if (res.statusCode >= 500) {
      console.error(`${req.method} ${req.url} -> ${res.statusCode} (${Date.now() - t0} ms, request ${id})`);
    }
    if (phase === "stopping") {
      server.closeIdleConnections();
      if (inFlight === 0) idle?.();
    }
  };
  res.on("finish", finish);
  res.on("close", finish);
  front.capture(req, res);
  const viaNext = () =>
    handle(req, res).catch((e) => {
      console.error("request failed", e);
      if (!res.headersSent) res.writeHead(500).end();
    });
  requests.run(ctx, () => {
    // A member's own request (GET /api/me, on every member page view) is answered by the
    // app's own function without Next's route machinery (about 4× the throughput); on any
    // error Next answers it instead, with the usual error handling.
    const direct = globalThis.__marqueeMemberRequest;
    if (direct && req.method === "GET" && isMemberRequest(req.url)) answerDirectly(direct, req, res).catch(viaNext);
    else viaNext();
  });
});

const isMemberRequest = (url = "") => url.startsWith("/api/me") && (url.length === 7 || url[7] === "?");

async function answerDirectly(direct, req, res) {
  const q = req.url.indexOf("?");
  const search = new URLSearchParams(q < 0 ? "" : req.url.slice(q + 1));
  const proto = req.headers["x-forwarded-proto"];
  const t0 = performance.now();
  const a = await direct({ cookie: req.headers.cookie, search, forwardedProto: typeof proto === "string" ? proto : undefined });
  const headers = { "Server-Timing": `me;desc="direct";dur=${(performance.now() - t0).toFixed(1)}` };
  for (const [k, v] of a.headers) (headers[k] ??= []).push(v);
  const body = Buffer.from(a.body);
  headers["Content-Length"] = String(body.length);
  res.writeHead(a.status, headers).end(body);
}
// Longer than a load balancer keeps idle upstream connections (nginx: 60 s), so it never
// reuses one this server has just closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

function holdUntilEnd(res, decide, writeHead) {
  const write = res.write;
  const end = res.end;
  const chunks = [];
  let head = null;
  const toBuf = (chunk, enc) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof enc === "string" ? enc : undefined));
  res.writeHead = function (status, ...rest) {
    head = [status, ...rest];
    return this;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, enc, cb) {
    if (chunk != null && typeof chunk !== "function") chunks.push(toBuf(chunk, enc));
    const done = typeof enc === "function" ? enc : cb;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  res.end = function (chunk, enc, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, null];
    else if (typeof enc === "function") [cb, enc] = [enc, undefined];
    if (chunk != null) chunks.push(toBuf(chunk, enc));
    res.write = write;
    res.end = end;
    const [status = res.statusCode, ...rest] = head ?? [];
    writeHead.call(res, decide(status), ...rest);
    return end.call(res, Buffer.concat(chunks), cb);
  };
}

await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(port, host, resolve);
});
phase = "serving";
say(`Marquee on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (PID ${process.pid})`);

// ---- 5. backups of the embedded database while it runs ----------------------------
let control = null;
if (dataDir) {
  const sock = controlSocketPath(dataDir);
  fs.rmSync(sock, { force: true });
  control = net.createServer((conn) => {
    let buf = "";
    conn.on("data", async (d) => {
      buf += d;
      if (!buf.includes("\n")) return;
      const reply = (o) => conn.end(JSON.stringify(o) + "\n");
      try {
        const req = JSON.parse(buf);
        if (req.cmd !== "backup" || typeof req.file !== "string" || !path.isAbsolute(req.file)) return reply({ ok: false, error: "bad request" });
        const getDb = globalThis.__marqueeGetDb;
        if (!getDb) return reply({ ok: false, error: "the server has not opened the database yet" });
        const h = await getDb();
        const pg = h.opened.pglite;
        await pg.exec("CHECKPOINT");
        const blob = await pg.dumpDataDir("gzip");
        const bytes = Buffer.from(await blob.arrayBuffer());
        fs.writeFileSync(`${req.file}.partial`, bytes);
        fs.renameSync(`${req.file}.partial`, req.file);
        reply({ ok: true, bytes: bytes.length });
      } catch (e) {
        reply({ ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  });
  control.listen(sock, () => fs.chmodSync(sock, 0o600));
  process.on("exit", () => fs.rmSync(sock, { force: true }));
}

// ---- 4. graceful stop -------------------------------------------------------------
stop = async (sig) => {
  phase = "stopping";
  say(`${sig}: stopping (finishing ${inFlight} request(s) in flight, at most ${shutdownMs / 1000} s)…`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  control?.close();
  let timedOut = false;
  if (inFlight > 0) {
    await Promise.race([
      new Promise((resolve) => (idle = resolve)),
      new Promise((resolve) => setTimeout(() => ((timedOut = true), resolve()), shutdownMs).unref()),
    ]);
  }
  if (timedOut) say(`${inFlight} request(s) still running after ${shutdownMs / 1000} s: closing their connections.`);
  server.closeAllConnections();
  await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
  let code = 0;
  try {
    await app.close?.();
  } catch {
    /* Next's own cleanup is best effort */
  }
  try {
    const h = globalThis.marqueeDb ? await globalThis.marqueeDb.catch(() => null) : null;
    if (h) await h.close(); // PGlite: flushed and closed; PostgreSQL: pool ended
    say("Database closed. Bye.");
  } catch (e) {
    console.error("Closing the database failed:", e);
    code = 1;
  }
  releaseLock();
  process.exit(code);
};
