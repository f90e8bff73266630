// The several-instance test (run by .ci/run): two Marquee instances, each with its own
// copy of the build, started at the same moment on one fresh PostgreSQL database and a
// private Redis, behind nginx running deploy/nginx.conf. Then the browser test in
// e2e-multi/ writes through one instance and reads through the other and through nginx.
//
//   node scripts/multi-instance.mjs      (needs PostgreSQL on 127.0.0.1:5432, nginx, redis-server)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const PG = process.env.MULTI_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const PORTS = { lb: 3710, a: 3711, b: 3712, redis: 6391 };
const work = path.join(root, ".data", "multi");
const children = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function need(cmd, pkg) {
  if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0) {
    console.error(`multi-instance: ${cmd} is missing (apt-get install -y ${pkg})`);
    process.exit(2);
  }
}
need("nginx", "nginx-light");
need("redis-server", "redis-server");
need("psql", "postgresql-client");

function psql(sql, db = PG) {
  const r = spawnSync("psql", [db, "-qtAc", sql], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  return r.stdout.trim();
}

function start(name, cmd, args, env = {}) {
  const log = fs.openSync(path.join(work, `${name}.log`), "a");
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ["ignore", log, log], detached: true });
  children.push({ name, child });
  return child;
}

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}

function stopAll() {
  for (const { child } of children.reverse()) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
}

const dbName = `marquee_multi_${Date.now().toString(36)}`;
let code = 1;
try {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, "nginx", "tmp"), { recursive: true });
  psql(`CREATE DATABASE "${dbName}"`);
  const u = new URL(PG);
  u.pathname = `/${dbName}`;
  const DATABASE_URL = u.toString();

  // One build, copied per instance: instances sharing one .next would share its files.
  const hash = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim() || "dev";
  // The production build `npm test` made is reused when there is one (MULTI_BUILD=1 forces a new one).
  if (process.env.MULTI_BUILD === "1" || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("multi-instance: building once…");
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", ".bin", "next"), "build", "--webpack"], {
      stdio: "inherit",
      env: { ...process.env, MARQUEE_BUILD_ID: hash.slice(0, 20), NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("build failed");
  }
  for (const inst of ["a", "b"]) {
    const dir = path.join(work, inst);
    fs.mkdirSync(dir, { recursive: true });
    for (const entry of fs.readdirSync(root)) {
      if ([".next", ".data", ".git"].includes(entry)) continue;
      fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
    }
    fs.cpSync(path.join(root, ".next"), path.join(dir, ".next"), { recursive: true });
  }

  // A private Redis, so the test can stop it without disturbing anything else.
  const redisArgs = ["--port", String(PORTS.redis), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const redisProc = start("redis", "redis-server", redisArgs);
  await sleep(300);
  if (redisProc.exitCode !== null) throw new Error(`redis-server could not start on port ${PORTS.redis} (in use?)`);
  const REDIS_URL = `redis://127.0.0.1:${PORTS.redis}`;

  // Both instances at the same moment: migrations and seeding happen once (advisory lock).
  const shared = {
    DATABASE_URL,
    REDIS_URL,
    NEXTAUTH_SECRET: "multi-instance-test-secret-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${PORTS.lb}`,
    HOST: "127.0.0.1",
    MARQUEE_SKIP_BUILD: "1",
    ADMIN_PASSWORD: "multi-instance-admin",
    SIGNIN_LIMIT_PER_ADDRESS: "10000",
    TRUST_PROXY: "1",
  };
  for (const inst of ["a", "b"])
    start(inst, process.execPath, [path.join(root, "scripts", "start.mjs")], { ...shared, PORT: String(PORTS[inst]), MARQUEE_DIR: path.join(work, inst) });

  // nginx with the README's config, on this test's ports.
  const conf = fs
    .readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8")
    .replace("127.0.0.1:3001", `127.0.0.1:${PORTS.a}`)
    .replace("127.0.0.1:3002", `127.0.0.1:${PORTS.b}`)
    .replace("listen 127.0.0.1:8080", `listen 127.0.0.1:${PORTS.lb}`);
  fs.writeFileSync(path.join(work, "nginx", "nginx.conf"), conf);
  start("nginx", "nginx", ["-c", path.join(work, "nginx", "nginx.conf"), "-p", path.join(work, "nginx")]);

  await waitFor(`http://127.0.0.1:${PORTS.a}/help/devices`, 300);
  await waitFor(`http://127.0.0.1:${PORTS.b}/help/devices`, 300);
  await waitFor(`http://127.0.0.1:${PORTS.lb}/help/devices`, 30);
  const migrations = psql(`SELECT count(*) FROM _prisma_migrations`, DATABASE_URL);
  const films = psql(`SELECT count(*) FROM "Film"`, DATABASE_URL);
  console.log(`multi-instance: both instances up; ${migrations} migrations applied, ${films} films seeded`);

  // Each instance renders a page once itself (the first render in a process loads the
  // route's code), as a warmed-up production fleet would have.
  for (const [inst, film] of [
    ["a", "jaws"],
    ["b", "alien"],
  ])
    await fetch(`http://127.0.0.1:${PORTS[inst]}/films/${film}`);

  const redisChild = children.find((c) => c.name === "redis").child;
  if (process.env.MULTI_KEEP === "1") {
    // For a look by hand: everything stays up until Ctrl-C.
    console.log(`multi-instance: A ${PORTS.a}, B ${PORTS.b}, nginx ${PORTS.lb}, Redis ${PORTS.redis}; Ctrl-C stops`);
    await new Promise((r) => process.once("SIGINT", r).once("SIGTERM", r));
    throw new Error("stopped by hand");
  }
  const test = spawnSync("npx", ["playwright", "test", "-c", "e2e-multi/playwright.config.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      MULTI_A: `http://127.0.0.1:${PORTS.a}`,
      MULTI_B: `http://127.0.0.1:${PORTS.b}`,
      MULTI_LB: `http://127.0.0.1:${PORTS.lb}`,
      MULTI_DATABASE_URL: DATABASE_URL,
      MULTI_REDIS_PID: String(redisChild.pid),
      MULTI_REDIS_ARGS: JSON.stringify(redisArgs),
      MULTI_LOGS: work,
    },
  });
  code = test.status ?? 1;
} catch (e) {
  console.error("multi-instance:", e);
  for (const n of ["a", "b", "nginx", "redis"]) {
    const f = path.join(work, `${n}.log`);
    if (fs.existsSync(f)) console.error(`--- ${n}.log (last lines) ---\n${fs.readFileSync(f, "utf8").split("\n").slice(-30).join("\n")}`);
  }
} finally {
  stopAll();
  await sleep(1000);
  try {
    psql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  } catch {}
}
process.exit(code);
