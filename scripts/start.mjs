// npm start: build when the sources changed since the last build, prepare the
// database (create, migrate, seed on first run), then serve on PORT (3000).
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
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
  for (const p of ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) walk(p);
  return h.digest("hex");
}

const stamp = path.join(root, ".next", "marquee-source-hash");
const hash = sourceHash();
if (process.env.MARQUEE_SKIP_BUILD !== "1" && (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== hash)) {
  console.log("Building Marquee (first start or sources changed)…");
  run(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
  run(bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
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

// Checks the configuration (a public production server needs NEXTAUTH_SECRET) and
// prepares the database.
run(bin("tsx"), [path.join(root, "scripts", "prepare-db.ts")], { ...process.env, NODE_ENV: "production" });

console.log(`Marquee on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
// The socket address preload (scripts/socket-address.cjs): per-address limits must not
// trust a client's own X-Forwarded-For (see lib/security/client-address.ts).
const preload = `--require ${JSON.stringify(path.join(root, "scripts", "socket-address.cjs"))}`;
const nodeOptions = [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
const child = spawn(bin("next"), ["start", "-p", port, "-H", host], { stdio: "inherit", env: { ...process.env, NODE_OPTIONS: nodeOptions, NEXT_TELEMETRY_DISABLED: "1" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
