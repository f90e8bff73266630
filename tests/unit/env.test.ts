import { afterEach, describe, expect, it } from "vitest";
import { ENV_VARIABLES, isServedToOthers, loadEnv, parseSettings, settings, siteUrl, siteUrlOf } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { LIMITS, limitOf } from "@/lib/security/limits";

const SECRET = "s".repeat(32);
const saved = { ...process.env };

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe("the site URL: one rule", () => {
  it("is SITE_URL, else NEXTAUTH_URL, else http://$HOST:$PORT, without a trailing slash", () => {
    expect(parseSettings({ SITE_URL: "https://marquee.example/", NEXTAUTH_URL: "https://auth.example" }).siteUrl).toBe("https://marquee.example");
    expect(parseSettings({ NEXTAUTH_URL: "https://auth.example//" }).siteUrl).toBe("https://auth.example");
    expect(parseSettings({}).siteUrl).toBe("http://localhost:3000");
    expect(parseSettings({ HOST: "127.0.0.1", PORT: "3300" }).siteUrl).toBe("http://127.0.0.1:3300");
    expect(parseSettings({ HOST: "0.0.0.0", PORT: "8080" }).siteUrl).toBe("http://localhost:8080");
    expect(siteUrlOf({ HOST: "localhost", PORT: 3000, SITE_URL: "https://a.example" })).toBe("https://a.example");
  });

  it("an empty SITE_URL counts as unset", () => {
    expect(parseSettings({ SITE_URL: "", NEXTAUTH_URL: "http://127.0.0.1:3300" }).siteUrl).toBe("http://127.0.0.1:3300");
  });

  it("is what the callbackUrl check, canonical links and the server env use", () => {
    process.env.SITE_URL = "https://marquee.example";
    expect(siteUrl()).toBe("https://marquee.example");
    expect(safeCallbackUrl("https://marquee.example/wishlist")).toBe("/wishlist");
    expect(safeCallbackUrl("http://localhost:3000/wishlist")).toBe("/");
    expect(loadEnv({ SITE_URL: "https://marquee.example", NEXTAUTH_SECRET: SECRET }).siteUrl).toBe("https://marquee.example");
  });
});

describe("defaults and validation", () => {
  it("gives every documented default", () => {
    const s = parseSettings({});
    expect(s).toMatchObject({
      NODE_ENV: "development",
      HOST: "localhost",
      PORT: 3000,
      TRUST_PROXY: 0,
      PGLITE_DATA_DIR: ".data/pglite",
      DATABASE_POOL_SIZE: 10,
      FFMPEG: "ffmpeg",
      FFPROBE: "ffprobe",
      ADMIN_EMAIL: "admin@marquee.local",
      MAIL_FROM: "Marquee <no-reply@marquee.local>",
      SIGNIN_LIMIT_PER_EMAIL: 10,
      SIGNIN_LIMIT_PER_ADDRESS: 30,
      SIGNIN_SLOWDOWN_PER_EMAIL: 20,
      SIGNIN_WINDOW_MINUTES: 15,
      REPORT_MIN_ACCOUNT_AGE_HOURS: 24,
      REPORT_HIDE_THRESHOLD: 3,
      OIDC_NAME: "SSO",
    });
    for (const k of ["SITE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "DATABASE_URL", "UPLOAD_DIR", "REDIS_URL", "SMTP_URL", "LOG_FORMAT"] as const)
      expect(s[k]).toBeUndefined();
  });

  it("empty values of the file and database variables count as unset", () => {
    expect(parseSettings({ DATABASE_POOL_SIZE: "", FFMPEG: "", PGLITE_DATA_DIR: "", UPLOAD_DIR: "", DATABASE_URL: "" })).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      FFMPEG: "ffmpeg",
      PGLITE_DATA_DIR: ".data/pglite",
      UPLOAD_DIR: undefined,
      DATABASE_URL: undefined,
    });
  });

  it("refuses bad values with one message naming each", () => {
    expect(() => parseSettings({ PORT: "eighty", SITE_URL: "not a url", DATABASE_POOL_SIZE: "0" })).toThrow(
      /Invalid configuration:\n {2}PORT: .*\n {2}SITE_URL: .*\n {2}DATABASE_POOL_SIZE: /s,
    );
    expect(() => parseSettings({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL must start with redis:\/\//);
  });

  it("knows every write limit's variable; a limit keeps its default unless given a positive integer", () => {
    for (const spec of Object.values(LIMITS)) expect(ENV_VARIABLES).toContain(spec.env);
    const s = parseSettings({ LIMIT_VOTES_PER_MINUTE: "5", LIMIT_REPORTS_PER_HOUR: "zero" });
    expect(limitOf("vote", s.limits).max).toBe(5);
    expect(limitOf("report", s.limits).max).toBe(10);
  });

  it("settings() follows process.env when it changes", () => {
    process.env.LIMIT_VOTES_PER_MINUTE = "7";
    expect(limitOf("vote", settings().limits).max).toBe(7);
    process.env.LIMIT_VOTES_PER_MINUTE = "8";
    expect(limitOf("vote", settings().limits).max).toBe(8);
    process.env.LOG_FORMAT = "json";
    expect(settings().LOG_FORMAT).toBe("json");
  });
});

describe("the production secret", () => {
  it("is required only when NODE_ENV=production serves others, with a clear error", () => {
    expect(() => loadEnv({ NODE_ENV: "production", HOST: "0.0.0.0", NEXTAUTH_URL: "https://marquee.example" })).toThrow(
      /NEXTAUTH_SECRET is required when Marquee runs in production for others \(HOST=0\.0\.0\.0, NEXTAUTH_URL=https:\/\/marquee\.example\)\. Set it to a long random value/,
    );
    // A public site URL serves others too, whatever the bind address.
    expect(isServedToOthers({ NODE_ENV: "production", HOST: "localhost", SITE_URL: "https://marquee.example" })).toBe(true);
    expect(() => loadEnv({ NODE_ENV: "production", HOST: "localhost", SITE_URL: "https://marquee.example" })).toThrow(/NEXTAUTH_SECRET is required/);
    // Not in development or tests, whatever the address.
    expect(loadEnv({ NODE_ENV: "development", HOST: "0.0.0.0", NEXTAUTH_SECRET: SECRET }).servedToOthers).toBe(false);
    expect(isServedToOthers({ NODE_ENV: "test", HOST: "0.0.0.0", SITE_URL: "https://marquee.example" })).toBe(false);
    // Production on loopback only (e.g. the browser tests) needs none.
    expect(loadEnv({ NODE_ENV: "production", HOST: "127.0.0.1", NEXTAUTH_URL: "http://127.0.0.1:3300", NEXTAUTH_SECRET: SECRET })).toMatchObject({
      servedToOthers: false,
      secureCookies: false,
    });
  });

  it("a public production server also needs NEXTAUTH_URL", () => {
    expect(() => loadEnv({ NODE_ENV: "production", HOST: "0.0.0.0", NEXTAUTH_SECRET: SECRET })).toThrow(/NEXTAUTH_URL is required/);
    const ok = loadEnv({ NODE_ENV: "production", HOST: "0.0.0.0", NEXTAUTH_URL: "https://marquee.example", NEXTAUTH_SECRET: SECRET });
    expect(ok).toMatchObject({ servedToOthers: true, secureCookies: true, secret: SECRET, siteUrl: "https://marquee.example" });
  });
});
