// One process per embedded (PGlite) data folder. PGlite has no lock of its own: two
// processes on one folder lose committed writes and can leave it unopenable. The lock
// is a file beside the folder (<dir>.lock) holding the owner's PID and process start
// time; a lock whose owner is gone (or whose PID now belongs to another process) is
// stale and is taken over. Plain JavaScript so scripts/server.mjs, the tsx scripts and
// the Next bundle share one implementation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dataDir, owner) {
    super(
      `The embedded database in ${dataDir} is in use by another process (PID ${owner.pid}${owner.command ? `, ${owner.command}` : ""}). ` +
        `Only one process may open it at a time: stop that process first (for example \`kill ${owner.pid}\`), or point PGLITE_DATA_DIR at another folder.`,
    );
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.pid = owner.pid;
  }
}

export function lockPathFor(dataDir) {
  const abs = path.resolve(dataDir);
  return path.join(path.dirname(abs), `${path.basename(abs)}.lock`);
}

/** Start time of a process in clock ticks since boot (Linux), or null when unknown. */
function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) may contain spaces: fields after its closing paren
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e && e.code === "EPERM";
  }
}

function readOwner(file) {
  try {
    const o = JSON.parse(fs.readFileSync(file, "utf8"));
    return o && Number.isInteger(o.pid) ? o : { pid: -1 };
  } catch (e) {
    if (e && e.code === "ENOENT") return null;
    return { pid: -1 }; // unreadable or half-written: treated as stale below
  }
}

/** The live owner of the lock, or null when it is free or stale. */
export function lockOwner(dataDir) {
  const owner = readOwner(lockPathFor(dataDir));
  if (!owner || owner.pid <= 0) return null;
  if (owner.host && owner.host !== os.hostname()) return owner; // cannot check another machine: assume live
  if (!isAlive(owner.pid)) return null;
  if (owner.start && startTimeOf(owner.pid) && startTimeOf(owner.pid) !== owner.start) return null; // PID reused
  return owner;
}

function sharedWithParent(owner) {
  // scripts/server.mjs takes the lock, then runs prepare-db as its child before it
  // opens the database itself: that child may use the folder meanwhile.
  if (process.env.MARQUEE_DB_LOCK_PARENT !== String(owner.pid)) return false;
  // ...and only a descendant (tsx puts a process in between)
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    if (pid === owner.pid) return true;
    pid = parentOf(pid);
  }
  return false;
}

function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

/**
 * Takes the lock for dataDir or throws DataDirLockedError naming the owner.
 * Re-entrant within one process. Returns release(), which removes the lock file
 * only when this call created it.
 */
export function acquireDataDirLock(
  dataDir,
  command = process.argv
    .slice(1, 3)
    .map((a) => path.basename(a))
    .join(" "),
) {
  const file = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me = { pid: process.pid, start: startTimeOf(process.pid), host: os.hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = `${file}.${process.pid}.${attempt}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(me));
    try {
      fs.linkSync(tmp, file); // atomic: fails when the lock file exists
      fs.rmSync(tmp, { force: true });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener("exit", release);
        const now = readOwner(file);
        if (now && now.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      if (!e || e.code !== "EEXIST") throw e;
    }
    const owner = readOwner(file);
    if (owner && owner.pid === process.pid) return () => {}; // this process holds it already
    const live = lockOwner(dataDir);
    if (live) {
      if (sharedWithParent(live)) return () => {};
      throw new DataDirLockedError(dataDir, live);
    }
    // Stale: move it aside atomically (only one contender wins the rename), then retry.
    try {
      fs.renameSync(file, `${file}.stale.${process.pid}`);
      fs.rmSync(`${file}.stale.${process.pid}`, { force: true });
    } catch {
      /* another process took it over first: loop and look again */
    }
  }
  const live = lockOwner(dataDir);
  throw new DataDirLockedError(dataDir, live ?? { pid: -1 });
}

/** The embedded data folder the environment selects (as lib/db/config.ts), or null (PostgreSQL, in memory). */
export function embeddedDataDir(env = process.env, cwd = process.cwd()) {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return null;
  if (url === "memory://" || url === "pglite:memory") return null;
  if (url && url.startsWith("pglite:")) return path.resolve(cwd, url.slice("pglite:".length));
  return path.resolve(cwd, env.PGLITE_DATA_DIR || ".data/pglite");
}

/** The local socket a running server answers `npm run db:backup` on (owner-only). */
export function controlSocketPath(dataDir) {
  let h = 0;
  for (const c of lockPathFor(dataDir)) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return path.join(os.tmpdir(), `marquee-${h.toString(36)}.sock`);
}
