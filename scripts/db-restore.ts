// npm run db:restore -- FILE — puts a dump from `npm run db:backup` back, then runs db:check.
//  - embedded PGlite: the store must be stopped (the folder lock says so); the current
//    folder is kept beside it as <dir>.before-restore-<time>, the dump unpacked in its place.
//  - PostgreSQL: pg_restore --clean --if-exists into DATABASE_URL (stop the servers first).
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { acquireDataDirLock } from "../lib/db/dir-lock.mjs";

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

async function restorePGlite(dataDir: string, file: string): Promise<void> {
  const release = acquireDataDirLock(dataDir, "db:restore"); // refuses while a server runs
  try {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      const aside = `${dataDir}.before-restore-${stamp()}`;
      fs.renameSync(dataDir, aside);
      console.log(`The current database was moved to ${path.relative(process.cwd(), aside)}.`);
    }
    fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]), extensions: { pg_trgm, unaccent } });
    const films = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Film"`);
    await db.close();
    console.log(`Restored ${films.rows[0]?.n} films into ${path.relative(process.cwd(), dataDir)}.`);
  } finally {
    release();
  }
}

function restorePostgres(connectionString: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "-d", connectionString, file], { stdio: "inherit" });
    child.on("error", (e) => reject(new Error(`pg_restore could not run (${e.message}): install the PostgreSQL client tools`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_restore failed with status ${code}`))));
  });
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run db:restore -- <file from backups/>");
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const target = resolveDbTarget();
  if (target.kind === "pglite") {
    if (!target.dataDir) throw new Error("cannot restore into an in-memory database");
    if (!/\.tar(\.gz)?$/.test(file)) throw new Error(`${file} is not a PGlite dump (.tar.gz from npm run db:backup)`);
    await restorePGlite(target.dataDir, path.resolve(file));
  } else {
    await restorePostgres(target.connectionString, path.resolve(file));
    console.log(`Restored ${file} into ${describeDbTarget(target)}.`);
  }
  console.log("Checking the restored database (npm run db:check)…");
  const check = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), [path.join(process.cwd(), "scripts", "db-check.ts")], { stdio: "inherit" });
  return check.status ?? 1;
}

setTimeout(() => {
  console.error("db:restore: timed out after 600 s");
  process.exit(1);
}, 600_000).unref();
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`db:restore: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
