// npm start: build when the sources changed since the last build, then run
// scripts/server.mjs (folder lock, database preparation, Next on PORT, clean stop).
// Signals (SIGINT, SIGTERM, SIGHUP) go to the server; the exit status is the
// server's, and non-zero when it died from a signal or an error.
import { spawn } from "node:child_process";
import os from "node:os";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { embeddedDataDir, lockOwner } from "../lib/db/dir-lock.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

// Refuse at once (before building or touching .next) when a server holds the folder.
const dataDir = embeddedDataDir(process.env, root);
const owner = dataDir ? lockOwner(dataDir) : null;
if (owner) {
  console.error(
    `Marquee cannot start: the embedded database in ${dataDir} is in use by another process (PID ${owner.pid}${owner.command ? `, ${owner.command}` : ""}). ` +
      `Stop it first, or point PGLITE_DATA_DIR at another folder.`,
  );
  process.exit(1);
}

let child = null;
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    if (child) child.kill(sig);
    else process.exit(128 + os.constants.signals[sig]);
  });
}

/** Runs a child to its end; its exit status, or 128 + signal number when a signal ended it. */
function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      child = null;
      resolve(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}
async function mustRun(cmd, args, env) {
  const status = await run(cmd, args, env);
  if (status !== 0) process.exit(status);
}

function sourceHash() {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (/node_modules|\.next|generated|\.data/.test(path.basename(p))) return;
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    } else {
      h.update(p);
      h.update(fs.readFileSync(p));
    }
  };
  for (const p of [
    "app",
    "components",
    "lib",
    "public",
    "prisma/schema.prisma",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "instrumentation.ts",
  ])
    walk(p);
  return h.digest("hex");
}

const stamp = path.join(root, ".next", "marquee-source-hash");
const hash = sourceHash();
if (
  process.env.MARQUEE_SKIP_BUILD !== "1" &&
  (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== hash)
) {
  console.log("Building Marquee (first start or sources changed)…");
  await mustRun(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
  // The build id is the source hash: instances built apart from the same sources share cache entries.
  await mustRun(bin("next"), ["build", "--webpack"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", MARQUEE_BUILD_ID: hash.slice(0, 20) });
  fs.writeFileSync(stamp, hash);
}

// The data cache lives in .next/cache/fetch-cache and outlives the process; the
// database may have changed since (a reseed, a migration, another database), so each
// start begins with an empty cache.
fs.rmSync(path.join(root, ".next", "cache", "fetch-cache"), { recursive: true, force: true });

const port = process.env.PORT || "3000";
const host = process.env.HOST || "localhost";
// next-auth needs the public address; on this machine it is where we listen.
process.env.NEXTAUTH_URL ||= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
process.env.HOST = host;
process.env.PORT = port;

// scripts/server.mjs checks the configuration (a public production server needs
// NEXTAUTH_SECRET), prepares the database and serves.
const status = await run(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
});
if (status !== 0) console.error(`Marquee stopped with status ${status}${status > 128 ? ` (signal ${status - 128})` : ""}.`);
process.exit(status);
