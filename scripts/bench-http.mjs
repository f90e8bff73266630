// npm run bench:http — a benchmark, not a test. Drives the production server with wrk
// (apt install wrk) and, in alternating rounds, a bare node:http server answering the
// same bytes (the floor), then prints req/s, p50 and p99 of each page and its ratio to
// the floor. Only ratios from one run compare: the machine is shared and noisy.
//
//   npm run bench:http                       # starts its own server (port 3900, own DB)
//   BENCH_URL=http://127.0.0.1:3000 npm run bench:http   # uses a running one
//   options: --duration 8 --rounds 3 --connections 50 --only film,home
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const DURATION = Number(opt("duration", 8));
const ROUNDS = Number(opt("rounds", 3));
const CONNECTIONS = Number(opt("connections", 50));
const ONLY = opt("only", "") ? new Set(opt("only", "").split(",")) : null;
const ADMIN_PASSWORD = "bench-admin-password";

if (spawnSync("wrk", ["--version"]).error) {
  console.error("bench:http needs wrk: apt-get install -y wrk");
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** fetch with a retry: a kept-alive socket may have been closed by the server meanwhile. */
async function get(url, init = {}) {
  try {
    return await fetch(url, init);
  } catch {
    await sleep(200);
    return fetch(url, init);
  }
}
let server = null;
let base = process.env.BENCH_URL?.replace(/\/+$/, "");

async function startServer() {
  const port = 3900;
  const dir = path.join(root, ".data", "bench-http");
  fs.rmSync(dir, { recursive: true, force: true });
  server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PGLITE_DATA_DIR: path.join(dir, "pglite"),
      ADMIN_PASSWORD,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server.stdout.on("data", () => {});
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/help/devices`)).ok) return;
    } catch {}
    await sleep(500);
  }
  throw new Error("the server did not start in 5 minutes");
}

/** A session cookie for the seeded admin, through next-auth's credentials flow. */
async function signIn() {
  const csrfRes = await get(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfRes.json();
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const body = new URLSearchParams({ csrfToken, email: "admin@marquee.local", password: process.env.BENCH_ADMIN_PASSWORD || ADMIN_PASSWORD, json: "true" });
  const res = await get(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body,
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => /next-auth\.session-token=/.test(c));
  if (!session) throw new Error("could not sign in as admin@marquee.local (set BENCH_ADMIN_PASSWORD for a running server)");
  return session.split(";")[0];
}

function wrk(url, headers = [], script = null) {
  const h = headers.flatMap((x) => ["-H", x]);
  const sc = script ? ["-s", script] : [];
  const r = spawnSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${DURATION}s`, "--latency", ...sc, ...h, url], { encoding: "utf8" });
  const out = r.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const toMs = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);
  const pct = (p) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p50: pct(50), p99: pct(99), non2xx };
}

/** The floor: node:http in its own process, answering every request with the page's own bytes. */
async function floorServer(body, contentType) {
  const file = path.join(root, ".data", `bench-floor-${process.pid}.bin`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  const code = `const b=require("fs").readFileSync(${JSON.stringify(file)});const s=require("http").createServer((q,r)=>{r.writeHead(200,{"Content-Type":${JSON.stringify(contentType)},"Content-Length":b.length});r.end(b)});s.listen(0,"127.0.0.1",()=>console.log(s.address().port))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
  return { port, close: () => (child.kill(), fs.rmSync(file, { force: true })) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!base) await startServer();
  const cookie = await signIn();
  const targets = [
    { key: "film", name: "Film page (visitor)", path: "/films/the-work" },
    { key: "reviews", name: "Reviews page (visitor)", path: "/films/the-work/reviews" },
    { key: "home", name: "Home (visitor)", path: "/" },
    { key: "genre", name: "Genre page (visitor)", path: "/genres/drama" },
    { key: "api", name: "Film API", path: "/api/films/the-work" },
    { key: "member-page", name: "Film page (member, cached HTML)", path: "/films/the-work", headers: [`Cookie: ${cookie}; mq_member=1`] },
    { key: "member-me", name: "Member request /api/me", path: "/api/me?film=the-work", headers: [`Cookie: ${cookie}; mq_member=1`] },
    // What a member's browser does: the cached page, then its one member request.
    {
      key: "member",
      name: "Member: page, then /api/me (alternating)",
      path: "/films/the-work",
      headers: [`Cookie: ${cookie}; mq_member=1`],
      alternate: "/api/me?film=the-work",
    },
  ].filter((t) => !ONLY || ONLY.has(t.key));

  const rows = [];
  for (const t of targets) {
    const url = `${base}${t.path}`;
    const first = await get(url, { headers: Object.fromEntries((t.headers ?? []).map((h) => h.split(/:\s(.*)/s).slice(0, 2))) });
    const body = Buffer.from(await first.arrayBuffer());
    const floor = await floorServer(body, first.headers.get("content-type") ?? "text/html");
    const floorUrl = `http://127.0.0.1:${floor.port}/`;
    const page = [];
    const bare = [];
    let script = null;
    if (t.alternate) {
      script = path.join(root, ".data", `bench-alt-${process.pid}.lua`);
      fs.writeFileSync(
        script,
        `local n = 0\nrequest = function()\n  n = n + 1\n  if n % 2 == 0 then return wrk.format("GET", ${JSON.stringify(t.alternate)}) end\n  return wrk.format("GET", ${JSON.stringify(t.path)})\nend\n`,
      );
    }
    for (let i = 0; i < ROUNDS; i++) {
      page.push(wrk(url, t.headers, script));
      bare.push(wrk(floorUrl));
    }
    floor.close();
    if (script) fs.rmSync(script, { force: true });
    const rps = median(page.map((r) => r.rps));
    const floorRps = median(bare.map((r) => r.rps));
    rows.push({
      request: t.name,
      path: t.path,
      bytes: body.length,
      rps: Math.round(rps),
      p50: median(page.map((r) => r.p50)),
      p99: median(page.map((r) => r.p99)),
      floorRps: Math.round(floorRps),
      ratio: `1/${Math.round(floorRps / Math.max(rps, 1))}`,
      errors: page.reduce((n, r) => n + r.non2xx, 0),
    });
    console.error(`  measured ${t.name}`);
  }
  console.log(`\nbench:http — wrk -t1 -c${CONNECTIONS} -d${DURATION}s, ${ROUNDS} interleaved rounds (medians), ${new Date().toISOString()}`);
  console.log("| request | bytes | req/s | p50 ms | p99 ms | floor req/s | ratio | non-2xx |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.request} \`${r.path}\` | ${r.bytes} | ${r.rps} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.floorRps} | ${r.ratio} | ${r.errors} |`,
    );
  const out = path.join(root, "bench-results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, `http-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
    JSON.stringify({ at: new Date().toISOString(), duration: DURATION, connections: CONNECTIONS, rows }, null, 2),
  );
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => server?.kill("SIGTERM"));
