// The server the browser tests run against: a fresh embedded database each run
// (.data/e2e), unless DATABASE_URL names a PostgreSQL server, then `npm start`'s path.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const dir = path.join(root, ".data", "e2e");
  fs.rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DATA_DIR = path.join(dir, "pglite");
}
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1)));
