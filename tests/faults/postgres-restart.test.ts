// PostgreSQL restarted under load: the app recovers without a restart of its own, and
// /api/health tracks the outage (503 naming the database, then 200). Pages that fail
// meanwhile answer 503 with Retry-After and a titled error page. The test runs its own
// PostgreSQL cluster (initdb on a private port) so that restarting it disturbs no one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { finished, PORT_BASE, sleep, startServer, status, tempDir, waitFor, waitHealthy, type Server } from "./helpers";

const PG_PORT = PORT_BASE + 30;
const bin = (() => {
  const base = "/usr/lib/postgresql";
  const v = fs.existsSync(base) ? fs.readdirSync(base).sort().pop() : undefined;
  return v ? path.join(base, v, "bin") : "";
})();
const asRoot = process.getuid?.() === 0;
const dir = tempDir("pg");
const pgdata = path.join(dir, "data");

function pgCtl(...args: string[]) {
  const cmd = [path.join(bin, "pg_ctl"), "-D", pgdata, ...args];
  // PostgreSQL refuses to run as root: use the postgres account then.
  execFileSync(asRoot ? "runuser" : cmd[0]!, asRoot ? ["-u", "postgres", "--", ...cmd] : cmd.slice(1), { stdio: "pipe", timeout: 60_000 });
}

let server: Server;

beforeAll(async () => {
  if (!bin) throw new Error("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin)");
  if (asRoot) execFileSync("chown", ["-R", "postgres", dir]);
  const initdb = [path.join(bin, "initdb"), "-D", pgdata, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"];
  execFileSync(asRoot ? "runuser" : initdb[0]!, asRoot ? ["-u", "postgres", "--", ...initdb] : initdb.slice(1), { stdio: "pipe", timeout: 60_000 });
  pgCtl("-o", `-p ${PG_PORT} -k ${os.tmpdir()} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(dir, "pg.log"), "-w", "start");
  server = startServer(PORT_BASE + 20, { DATABASE_URL: `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres` });
  await waitHealthy(server);
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill("SIGTERM");
    await finished(server, 20_000).catch(() => server.child.kill("SIGKILL"));
  }
  try {
    pgCtl("-m", "immediate", "stop");
  } catch {
    /* not running */
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

it("recovers from a PostgreSQL restart under load without restarting, and /api/health tracks it", async () => {
  const pid = server.serverPid();
  // load: four clients on pages and the API until told to stop
  let loading = true;
  const seen: { t: number; s: number | null; u: string }[] = [];
  // Cached pages and a request that always needs the database (a new search each time).
  let n = 0;
  const urls = [() => "/api/films", () => "/films/the-work", () => "/api/films/the-work/reviews", () => "/genres", () => `/api/search/suggest?q=load${n++}`];
  const load = urls.map(async (next) => {
    while (loading) {
      const u = next();
      seen.push({ t: Date.now(), s: await status(`${server.url}${u}`), u });
      await sleep(20);
    }
  });
  await sleep(1500);

  pgCtl("-m", "fast", "-w", "stop");
  const down = Date.now();
  const health = await waitFor(
    "/api/health to report the database down",
    async () => {
      const r = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      return r.status === 503 ? r : null;
    },
    15_000,
    100,
  );
  expect(health.headers.get("cache-control")).toMatch(/no-store/);
  const body = (await health.json()) as { status: string; failing: string[] };
  expect(body.status).toBe("fail");
  expect(body.failing).toEqual(["database"]);

  // A page that needs the database: 503, Retry-After, a titled error page.
  const page = await fetch(`${server.url}/search?q=outage${Date.now()}`, { headers: { accept: "text/html" }, signal: AbortSignal.timeout(10_000) });
  const html = await page.text();
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).not.toMatch(/Can.t reach database server|prisma/i);
  const api = await fetch(`${server.url}/api/search/suggest?q=outage${Date.now()}`, { signal: AbortSignal.timeout(10_000) });
  expect(api.status).toBe(503);
  expect(server.out()).toMatch(/ERROR request failed .*databaseUnavailable=true/);

  // Sign-in while the database is down: a generic message with a reference code.
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  const cookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signin = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: "admin@marquee.local", password: "whatever-it-is", json: "true", callbackUrl: "/" }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  const answer = decodeURIComponent(JSON.stringify(await signin.json()).replace(/\+/g, " "));
  expect(answer).toMatch(/Reference: MQ-[A-Z0-9]{6}/);
  expect(answer).not.toMatch(/prisma|reach database server/i);
  const code = /Reference: (MQ-[A-Z0-9]{6})/.exec(answer)![1]!;
  expect(server.out()).toContain(`route=signin code=${code}`);

  await sleep(Math.max(0, 2000 - (Date.now() - down)));
  pgCtl("-o", `-p ${PG_PORT} -k ${os.tmpdir()} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(dir, "pg.log"), "-w", "start");
  const up = Date.now();
  await waitFor("/api/health to answer 200 again", async () => (await status(`${server.url}/api/health`)) === 200, 20_000, 100);
  const recovered = Date.now() - up;
  await sleep(1500);
  loading = false;
  await Promise.all(load);

  // the same process served throughout, and everything after the recovery succeeded
  expect(server.serverPid()).toBe(pid);
  expect(server.child.exitCode).toBeNull();
  const after = seen.filter((x) => x.t > up + recovered + 500);
  expect(after.length).toBeGreaterThan(10);
  expect(after.filter((x) => x.s !== 200)).toEqual([]);
  // While the database was down, what needs it answered 503; the cached film page kept serving.
  expect(seen.some((x) => x.t > down && x.t < up && x.s === 503 && x.u.startsWith("/api/search/suggest"))).toBe(true);
  expect(seen.filter((x) => x.t > down + 500 && x.t < up && x.u === "/films/the-work").every((x) => x.s === 200)).toBe(true);
  expect(await status(`${server.url}/search?q=work`)).toBe(200);
});
