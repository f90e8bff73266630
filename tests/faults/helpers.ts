// Processes for the fault tests: production servers (`node scripts/start.mjs`), scripts,
// throwaway PostgreSQL databases. Ports come from FAULT_PORT_BASE (default 3260).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

export const ROOT = process.cwd();
export const PORT_BASE = Number(process.env.FAULT_PORT_BASE || 3260);
/** Any database on the PostgreSQL server the PostgreSQL fault tests may create databases on. */
export const PG_ADMIN_URL = process.env.FAULT_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_PREFIX = process.env.FAULT_DB_PREFIX || "marquee_fault_";

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `marquee-${name}-`));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };
export type Proc = { child: ChildProcess; out: () => string; exited: Promise<Exit> };

export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Proc {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  // "close", not "exit": the output is complete only then
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  return { child, out: () => out, exited };
}

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
export function tsx(script: string, args: string[] = [], env: Record<string, string | undefined> = {}): Proc {
  return run(TSX, [script, ...args], env);
}

export async function finished(p: Proc, timeoutMs = 120_000): Promise<Exit> {
  return Promise.race([
    p.exited,
    sleep(timeoutMs).then(() => Promise.reject(new Error(`process did not exit within ${timeoutMs} ms:\n${p.out().slice(-2000)}`))),
  ]);
}

export type Server = Proc & { port: number; url: string; serverPid: () => number };

/** `npm start` (without the build check) on PORT, with its own environment. */
export function startServer(port: number, env: Record<string, string | undefined>): Server {
  const p = run(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], {
    MARQUEE_SKIP_BUILD: "1",
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    REDIS_URL: undefined,
    LOG_FORMAT: undefined,
    ...env,
  });
  return {
    ...p,
    port,
    url: `http://127.0.0.1:${port}`,
    serverPid: () => {
      const m = /\(PID (\d+)\)/.exec(p.out());
      if (!m) throw new Error(`no server PID in the output yet:\n${p.out().slice(-2000)}`);
      return Number(m[1]);
    },
  };
}

/** The status of a GET, or null when the connection fails. */
export async function status(url: string, init: RequestInit = {}): Promise<number | null> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(Number(process.env.FAULT_FETCH_TIMEOUT_MS || 20_000)), redirect: "manual" });
    await r.arrayBuffer();
    return r.status;
  } catch {
    return null;
  }
}

export async function waitHealthy(s: Server, timeoutMs = 150_000): Promise<void> {
  let dead: Exit | null = null;
  void s.exited.then((e) => (dead = e));
  await waitFor(
    `${s.url}/api/health to answer 200`,
    async () => {
      if (dead) throw Object.assign(new Error("exited"), { fatal: true });
      return (await status(`${s.url}/api/health`)) === 200;
    },
    timeoutMs,
    300,
  ).catch((e) => {
    throw new Error(`server on ${s.port} did not become healthy (${dead ? `exited ${JSON.stringify(dead)}` : e.message}):\n${s.out().slice(-3000)}`);
  });
}

/** A fresh, empty PostgreSQL database; drop() removes it. */
export async function createPgDatabase(tag: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${DB_PREFIX}${tag}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return { url: u.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
