import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, lockOwner, lockPathFor } from "@/lib/db/dir-lock.mjs";

const dirs: string[] = [];
function folder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-lock-"));
  dirs.push(d);
  return path.join(d, "pglite");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

it("writes a lock file with the PID beside the folder and removes it on release", () => {
  const dir = folder();
  const release = acquireDataDirLock(dir, "test");
  const owner = JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8"));
  expect(owner.pid).toBe(process.pid);
  expect(lockOwner(dir)?.pid).toBe(process.pid);
  release();
  expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  expect(lockOwner(dir)).toBeNull();
});

it("refuses while another live process holds the folder, naming the folder and its PID", async () => {
  const dir = folder();
  const holder = spawn(process.execPath, [
    "--input-type=module",
    "-e",
    `import { acquireDataDirLock } from ${JSON.stringify(path.resolve("lib/db/dir-lock.mjs"))}; acquireDataDirLock(${JSON.stringify(dir)}, "holder"); console.log("held"); setInterval(() => {}, 1000);`,
  ]);
  try {
    await new Promise<void>((resolve) => holder.stdout.on("data", (d) => String(d).includes("held") && resolve()));
    let err: unknown;
    try {
      acquireDataDirLock(dir, "second");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as Error).message).toContain(dir);
    expect((err as Error).message).toContain(`PID ${holder.pid}`);
  } finally {
    holder.kill("SIGKILL");
  }
});

it("takes over a stale lock whose process is gone", () => {
  const dir = folder();
  const dead = spawnSync(process.execPath, ["-e", "console.log(process.pid)"]);
  const pid = Number(String(dead.stdout).trim());
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid, start: "1", host: os.hostname(), command: "gone" }));
  expect(lockOwner(dir)).toBeNull();
  const release = acquireDataDirLock(dir, "taker");
  expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(process.pid);
  release();
});

it("treats a lock whose PID now belongs to another process (different start time) as stale", () => {
  const dir = folder();
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // our parent is alive, but it is not the process that wrote this lock
  fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: process.ppid, start: "999999999999", host: os.hostname() }));
  if (fs.existsSync(`/proc/${process.ppid}/stat`)) expect(lockOwner(dir)).toBeNull();
});
