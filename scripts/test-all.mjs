// npm test: type check, lint (ESLint), format check (Prettier), unit, integration (embedded PGlite; also PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys on a production build.
// Stops at the first failing suite and ends with one line: "tests: N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = path.resolve(".test-results");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const vitest = (project, file) => ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(out, file)}`];

const steps = [
  // The three static checks run side by side (each prints when it is done).
  {
    name: "Type check, lint (ESLint), format check (Prettier)",
    parallel: [
      { name: "Type check", cmd: "npx", args: ["tsc", "--noEmit"] },
      { name: "Lint (ESLint)", cmd: "npx", args: ["eslint", ".", "--max-warnings", "0"] },
      { name: "Format check (Prettier)", cmd: "npx", args: ["prettier", "--check", "."] },
    ],
  },
  { name: "Unit tests", cmd: "npx", args: vitest("unit", "unit.json"), json: "unit.json" },
  {
    name: "Integration tests (PGlite)",
    cmd: "npx",
    args: vitest("integration", "integration-pglite.json"),
    json: "integration-pglite.json",
    env: { TEST_DATABASE_URL: undefined },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "Integration tests (PostgreSQL)", cmd: "npx", args: vitest("integration", "integration-postgres.json"), json: "integration-postgres.json" }]
    : []),
  { name: "Chromium for browser tests", cmd: "node", args: ["scripts/ensure-chromium.mjs"] },
  {
    name: "Browser tests (Playwright)",
    cmd: "npx",
    args: ["playwright", "test", "--reporter=list,json"],
    json: "e2e.json",
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, "e2e.json") },
  },
];

/** Runs commands at once, each one's output kept and printed whole when it ends; the first failure's status. */
async function runSideBySide(list, env) {
  const results = await Promise.all(
    list.map(
      (c) =>
        new Promise((resolve) => {
          const t0 = Date.now();
          const child = spawn(c.cmd, c.args, { env, stdio: ["ignore", "pipe", "pipe"] });
          const out = [];
          child.stdout.on("data", (d) => out.push(d));
          child.stderr.on("data", (d) => out.push(d));
          child.on("close", (status) => {
            const secs = ((Date.now() - t0) / 1000).toFixed(1);
            process.stdout.write(`\n--- ${c.name}: ${status === 0 ? "ok" : `failed (exit ${status})`} in ${secs} s\n${Buffer.concat(out).toString()}`);
            resolve(status ?? 1);
          });
        }),
    ),
  );
  return { status: results.find((s) => s !== 0) ?? 0 };
}

let passed = 0;
let failed = 0;
function tally(file) {
  const p = path.join(out, file);
  if (!fs.existsSync(p)) return;
  const r = JSON.parse(fs.readFileSync(p, "utf8"));
  if (r.stats) {
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
  } else {
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
  }
}

for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const env = { ...process.env };
  for (const [k, v] of Object.entries(step.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const t0 = Date.now();
  const r = step.parallel ? await runSideBySide(step.parallel, env) : spawnSync(step.cmd, step.args, { stdio: "inherit", env });
  if (step.json) tally(step.json);
  if (r.status !== 0) {
    console.error(`\n${step.name} failed (exit ${r.status}).`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(r.status || 1);
  }
  console.log(`--- ${step.name}: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`\nAll suites passed.\ntests: ${passed} passed, ${failed} failed`);
