// npm run db:backup — a consistent dump of the store into backups/ (BACKUP_DIR):
//  - embedded PGlite: the data folder as PGlite's own gzipped tarball (dumpDataDir). While a
//    server holds the folder, the server itself makes the dump (local control socket);
//    otherwise this script opens the folder (taking its lock). The dump is then opened in
//    memory to prove it is usable.
//  - PostgreSQL: pg_dump in its custom format (-Fc).
// Progress on a terminal; one line per step otherwise.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { controlSocketPath, lockOwner } from "../lib/db/dir-lock.mjs";

const tty = process.stdout.isTTY;
function progress(label: string): () => void {
  if (!tty) {
    console.log(`${label}…`);
    return () => {};
  }
  const t0 = Date.now();
  const frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
  let i = 0;
  const timer = setInterval(() => process.stdout.write(`\r${frames[i++ % frames.length]} ${label}… ${((Date.now() - t0) / 1000).toFixed(1)} s`), 100);
  return () => {
    clearInterval(timer);
    process.stdout.write(`\r✓ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)\x1b[K\n`);
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

function askServer(sock: string, file: string): Promise<{ ok: boolean; bytes?: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(sock, () => conn.write(JSON.stringify({ cmd: "backup", file }) + "\n"));
    let buf = "";
    conn.on("data", (d: Buffer) => (buf += d.toString("utf8")));
    conn.on("end", () => {
      try {
        resolve(JSON.parse(buf) as { ok: boolean; bytes?: number; error?: string });
      } catch {
        reject(new Error(`unexpected answer from the server: ${buf.slice(0, 200)}`));
      }
    });
    conn.on("error", reject);
  });
}

async function backupPGlite(dataDir: string, file: string): Promise<void> {
  const owner = lockOwner(dataDir);
  if (owner) {
    const done = progress(`Asking the running server (PID ${owner.pid}) for a dump of ${dataDir}`);
    const r = await askServer(controlSocketPath(dataDir), file);
    done();
    if (!r.ok) throw new Error(`the server could not make the dump: ${r.error}`);
  } else {
    const done = progress(`Dumping ${dataDir} (no server running)`);
    const handle = await createDb({ kind: "pglite", dataDir });
    try {
      const pg = handle.opened.pglite!;
      await pg.exec("CHECKPOINT");
      const blob = await pg.dumpDataDir("gzip");
      fs.writeFileSync(`${file}.partial`, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(`${file}.partial`, file);
    } finally {
      await handle.close();
    }
    done();
  }
  const done = progress("Checking the dump opens");
  const copy = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(file)]), extensions: { pg_trgm, unaccent } });
  try {
    const films = await copy.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Film"`);
    const reviews = await copy.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Review"`);
    done();
    console.log(`The dump holds ${films.rows[0]?.n} films and ${reviews.rows[0]?.n} reviews.`);
  } finally {
    await copy.close();
  }
}

function backupPostgres(connectionString: string, schema: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // the whole database for the default schema (extensions included); else that schema only
    const args = ["-Fc", "-f", `${file}.partial`, ...(schema === "public" ? [] : ["-n", schema]), ...(tty ? ["--verbose"] : []), connectionString];
    const child = spawn("pg_dump", args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (e) => reject(new Error(`pg_dump could not run (${e.message}): install the PostgreSQL client tools`)));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`pg_dump failed with status ${code}`));
      fs.renameSync(`${file}.partial`, file);
      resolve();
    });
  });
}

async function main(): Promise<number> {
  const target = resolveDbTarget();
  const dir = path.resolve(process.env.BACKUP_DIR || "backups");
  fs.mkdirSync(dir, { recursive: true });
  if (target.kind === "pglite") {
    if (!target.dataDir) throw new Error("an in-memory database has nothing to back up");
    const file = path.join(dir, `marquee-pglite-${stamp()}.tar.gz`);
    await backupPGlite(target.dataDir, file);
    console.log(`Backup of ${describeDbTarget(target)} written to ${path.relative(process.cwd(), file)} (${mb(fs.statSync(file).size)}).`);
  } else {
    const file = path.join(dir, `marquee-postgres-${stamp()}.dump`);
    const done = progress(`pg_dump of ${describeDbTarget(target)}`);
    await backupPostgres(target.connectionString, target.schema, file);
    done();
    console.log(`Backup of ${describeDbTarget(target)} written to ${path.relative(process.cwd(), file)} (${mb(fs.statSync(file).size)}).`);
  }
  return 0;
}

setTimeout(() => {
  console.error("db:backup: timed out after 600 s");
  process.exit(1);
}, 600_000).unref();
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`db:backup: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
