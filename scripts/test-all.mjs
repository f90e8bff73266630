// npm test: unit, integration (embedded PGlite; also PostgreSQL when TEST_DATABASE_URL
// is set), then the browser journeys on a production build. Stops at the first failure.
import { spawnSync } from "node:child_process";

const steps = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Integration tests (PGlite)", "npx", ["vitest", "run", "--project", "integration"], { TEST_DATABASE_URL: "" }],
  ...(process.env.TEST_DATABASE_URL ? [["Integration tests (PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"], {}]] : []),
  ["Chromium for browser tests", "node", ["scripts/ensure-chromium.mjs"]],
  ["Browser tests (Playwright)", "npx", ["playwright", "test"]],
];

for (const [name, cmd, args, extra = {}] of steps) {
  console.log(`\n=== ${name} ===`);
  const env = { ...process.env, ...extra };
  if (extra.TEST_DATABASE_URL === "") delete env.TEST_DATABASE_URL;
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
  console.log(`--- ${name}: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log("\nAll test suites passed.");
