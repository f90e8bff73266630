// One server per embedded database folder, and a clean lifecycle for `npm start`:
// a second server (or script) on the folder is refused while the first keeps serving;
// SIGTERM lets requests in flight finish, closes the database and exits 0; a request
// stuck past the deadline is cut; kill -9 makes `npm start` exit non-zero and leaves a
// stale lock the next start takes over.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPathFor } from "@/lib/db/dir-lock.mjs";
import { finished, PORT_BASE, run, sleep, startServer, status, tempDir, tsx, waitFor, waitHealthy, ROOT, type Server } from "./helpers";

const dir = path.join(tempDir("lifecycle"), "pglite");
const env = { PGLITE_DATA_DIR: dir, DATABASE_URL: undefined };
const PORT = PORT_BASE;
let a: Server;
const started: Server[] = [];

function serve(port: number, extra: Record<string, string> = {}): Server {
  const s = startServer(port, { ...env, ...extra });
  started.push(s);
  return s;
}

/** A POST whose body arrives in two parts: the request stays in flight in between. */
function slowPost(port: number, pathName: string) {
  const body = "csrfToken=x&email=someone%40example.com&password=not-the-password&json=true";
  const sock = net.connect(port, "127.0.0.1");
  let response = "";
  sock.on("data", (d: Buffer) => (response += d.toString("utf8")));
  const closed = new Promise<void>((resolve) => sock.on("close", () => resolve()));
  sock.on("error", () => {});
  sock.write(
    `POST ${pathName} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 10)}`,
  );
  return { finish: () => sock.write(body.slice(10)), response: () => response, closed, destroy: () => sock.destroy() };
}

beforeAll(async () => {
  a = serve(PORT, { SHUTDOWN_TIMEOUT_MS: "3000" });
  await waitHealthy(a);
});

afterAll(async () => {
  for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  for (const s of started) {
    try {
      process.kill(s.serverPid(), "SIGKILL");
    } catch {
      /* gone */
    }
  }
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe("one server per PGlite folder", () => {
  it("refuses a second `npm start` on the folder at once, naming the folder and the PID; the first keeps serving", async () => {
    const pid = a.serverPid();
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(pid);

    const b = serve(PORT + 1);
    const t0 = Date.now();
    const exit = await finished(b, 30_000);
    expect(exit.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(b.out()).toContain(dir);
    expect(b.out()).toContain(`PID ${pid}`);

    // The server itself refuses too (not only start.mjs's early check).
    const direct = run(process.execPath, [path.join(ROOT, "scripts", "server.mjs")], { ...env, PORT: String(PORT + 2), HOST: "127.0.0.1" });
    const dexit = await finished(direct, 30_000);
    expect(dexit.code).toBe(1);
    expect(direct.out()).toMatch(new RegExp(`in use by another process \\(PID ${pid}`));

    expect(await status(`${a.url}/api/health`)).toBe(200);
    expect(await status(`${a.url}/films/the-work`)).toBe(200);
  });

  it("refuses db:check, db:seed and db:migrate on the folder while the server holds it", async () => {
    for (const script of ["scripts/db-check.ts", "scripts/db-seed.ts", "scripts/db-migrate.ts"]) {
      const p = tsx(script, [], { ...env, NODE_OPTIONS: "--conditions=react-server" });
      const exit = await finished(p, 60_000);
      expect(exit.code, `${script}: ${p.out()}`).not.toBe(0);
      expect(p.out()).toContain(`in use by another process (PID ${a.serverPid()}`);
    }
    expect(await status(`${a.url}/api/health`)).toBe(200);
  });
});

const backups = path.join(path.dirname(dir), "backups");
let backupFile = "";

describe("backups of the embedded database", () => {
  it("db:backup asks the running server for a consistent dump, with a timestamped name", async () => {
    const p = tsx("scripts/db-backup.ts", [], { ...env, BACKUP_DIR: backups });
    const exit = await finished(p, 120_000);
    expect(exit.code, p.out()).toBe(0);
    expect(p.out()).toContain(`Asking the running server (PID ${a.serverPid()})`);
    expect(p.out()).toMatch(/The dump holds \d+ films/);
    const files = fs.readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^marquee-pglite-\d{8}-\d{6}\.tar\.gz$/);
    backupFile = path.join(backups, files[0]!);
    expect(await status(`${a.url}/api/health`)).toBe(200);
  });

  it("db:restore refuses while the server runs", async () => {
    const p = tsx("scripts/db-restore.ts", [backupFile], env);
    expect((await finished(p, 60_000)).code).not.toBe(0);
    expect(p.out()).toContain(`in use by another process (PID ${a.serverPid()}`);
  });
});

describe("lifecycle of npm start", () => {
  it("on SIGTERM stops taking requests, finishes the one in flight, cuts one stuck past the deadline, closes the database and exits 0", async () => {
    const post = slowPost(PORT, "/api/auth/callback/credentials");
    const stuck = slowPost(PORT, "/api/auth/callback/credentials");
    await sleep(500);
    expect(post.response()).toBe(""); // still waiting for its body
    const t0 = Date.now();
    a.child.kill("SIGTERM"); // to npm start, which forwards it
    await waitFor("the server to say it is stopping", async () => a.out().includes("SIGTERM: stopping (finishing 2 request(s)"), 10_000, 50);
    // no new connections
    expect(await status(`${a.url}/api/health`)).toBeNull();
    post.finish();
    await post.closed;
    expect(post.response()).toMatch(/^HTTP\/1\.1 (200|302|401) /);
    // the stuck one is cut at SHUTDOWN_TIMEOUT_MS (3 s here), and the exit is still clean
    await stuck.closed;
    const exit = await finished(a, 20_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2900);
    expect(stuck.response()).toBe("");
    expect(a.out()).toContain("1 request(s) still running after 3 s");
    expect(a.out()).toContain("Database closed.");
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });

  it("exits non-zero when the server is killed; the next start takes the stale lock over", async () => {
    const d = serve(PORT + 4);
    await waitHealthy(d);
    const dead = d.serverPid();
    process.kill(dead, "SIGKILL");
    const exit = await finished(d, 20_000);
    expect(exit.code).toBe(137);
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(dead); // left behind

    const e = serve(PORT + 5);
    await waitHealthy(e);
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(e.serverPid());
    e.child.kill("SIGHUP");
    expect(await finished(e, 20_000)).toEqual({ code: 0, signal: null });
  });

  it("db:restore puts the dump back into the stopped store, keeps the old folder and runs db:check", async () => {
    const p = tsx("scripts/db-restore.ts", [backupFile], env);
    const exit = await finished(p, 120_000);
    expect(exit.code, p.out()).toBe(0);
    expect(p.out()).toMatch(/Restored \d+ films/);
    expect(p.out()).toContain("db:check: every counter");
    expect(fs.readdirSync(path.dirname(dir)).some((f) => f.startsWith("pglite.before-restore-"))).toBe(true);
  });
});
