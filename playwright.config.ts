import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test (to keep the failed ones) made each test 30–40 % slower
    // on a 2-core machine: on request only (E2E_TRACE=1 npm run test:e2e, or --trace on).
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  // A production build on its own embedded database (or DATABASE_URL when set), reset per run.
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/help/devices`,
    timeout: 240_000,
    reuseExistingServer: false,
    // npm start's clean stop: requests finish, PGlite is flushed and closed (db:check runs on it next in CI)
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      ADMIN_EMAIL: "admin@marquee.local",
      ADMIN_PASSWORD: "marquee-e2e-admin",
      // every test signs in and signs up from 127.0.0.1: per-address limits would trip
      // across tests (per-member limits keep their defaults: each test has new members)
      SIGNIN_LIMIT_PER_ADDRESS: "10000",
      LIMIT_SIGNUPS_PER_HOUR: "10000",
      LIMIT_ANONYMOUS_WRITES_PER_MINUTE: "100000",
      LIMIT_PASSWORD_RESETS_PER_HOUR: "10000",
      // e2e/account.spec.ts starts a real SMTP server here
      SMTP_URL: `smtp://127.0.0.1:${PORT + 50}`,
      OIDC_ISSUER: `http://127.0.0.1:${PORT + 98}`,
      OIDC_CLIENT_ID: "marquee-e2e",
      OIDC_CLIENT_SECRET: "marquee-e2e-secret-value",
      OIDC_NAME: "Test SSO",
    },
  },
});
