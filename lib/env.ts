// The one place that reads the environment: every variable the server uses is named,
// validated and defaulted here (README.md, "Configuration", lists the same), with safe
// local defaults and a hard, clear failure for what a public production server must set.
//
//  - settings(): the validated variables plus the site URL. Read afresh whenever
//    process.env changes (tests change limits between cases), cheap otherwise. No
//    production gate: scripts (db:migrate, db:seed, …) and `next build` use it too.
//  - env(): settings() plus the production rule (loadEnv) and the session secret; read
//    once per process. The server's auth, mail and cookies use it.
//
// The site's own public URL, one rule everywhere (canonical links, sitemap, mails, the
// callbackUrl check, secure cookies, HSTS): SITE_URL, else NEXTAUTH_URL, else
// http://$HOST:$PORT (HOST 0.0.0.0 reads as localhost), without a trailing slash.
//
// Server only: it imports node:fs (a client bundle that pulls it in fails to build).
// Outside this module process.env is read only where it must be: .mjs files loaded by
// Node outside the bundle (lib/cache/handler.mjs, lib/db/dir-lock.mjs), NEXT_RUNTIME
// (inlined by Next per runtime), next.config.ts's NODE_ENV (set by Next per phase).
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { LIMITS } from "./security/limits";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** An empty variable counts as unset (VAR= in a shell or a .env file). */
const unsetIfEmpty = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === "" ? undefined : v), type);

/** Each write limit's variable (LIMIT_VOTES_PER_MINUTE, …; defaults in lib/security/limits.ts). */
export const LIMIT_VARIABLES: readonly string[] = Object.values(LIMITS).map((spec) => spec.env);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // ---- serving
  /** Address `npm start` binds to (0.0.0.0 serves others). */
  HOST: z.string().default("localhost"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The public base URL (see the site URL rule above). */
  SITE_URL: unsetIfEmpty(z.string().url().optional()),
  /** The public address next-auth builds callbacks from; required in production when served to others. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Signs session cookies; required in production when served to others (else a per-checkout secret in .data/). */
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /** Reverse-proxy hops to trust for X-Forwarded-For (0: the TCP peer). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** "json": one JSON object per log line; anything else (or unset): one readable line. */
  LOG_FORMAT: z.string().optional(),
  // ---- database and files
  /** Unset: embedded PGlite in PGLITE_DATA_DIR; memory://, pglite:<dir> or postgresql://… (lib/db/config.ts). */
  DATABASE_URL: unsetIfEmpty(z.string().optional()),
  PGLITE_DATA_DIR: unsetIfEmpty(z.string().default(".data/pglite")),
  /** Connections per process on PostgreSQL. */
  DATABASE_POOL_SIZE: unsetIfEmpty(z.coerce.number().int().min(1).default(10)),
  /** Uploaded posters and trailers; unset: "uploads" beside the embedded database's folder (.data/uploads). */
  UPLOAD_DIR: unsetIfEmpty(z.string().optional()),
  FFMPEG: unsetIfEmpty(z.string().default("ffmpeg")),
  FFPROBE: unsetIfEmpty(z.string().default("ffprobe")),
  /** Shared cache, tag invalidation and rate-limit counters across instances; unset = per process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  // ---- accounts, sign-in and limits
  ADMIN_EMAIL: z.string().email().default("admin@marquee.local"),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGNIN_SLOWDOWN_PER_EMAIL: z.coerce.number().int().min(1).default(20),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Marquee <no-reply@marquee.local>"),
  // ---- moderation
  REPORT_MIN_ACCOUNT_AGE_HOURS: z.coerce.number().min(0).default(24),
  REPORT_HIDE_THRESHOLD: z.coerce.number().int().min(1).default(3),
  // ---- sign-in providers (each switched on by its variables)
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_ID: z.string().optional(),
  GOOGLE_SECRET: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("SSO"),
});

/** The variables this module knows (README.md's configuration table lists each; LIMIT_* under "Security"). */
export const ENV_VARIABLES: readonly string[] = [...Object.keys(schema.shape), ...LIMIT_VARIABLES];

/**
 * The validated variables, the site URL, and the write limits' variables as given (a
 * positive integer overrides a limit's default, anything else keeps it: limitOf).
 */
export type Settings = z.infer<typeof schema> & { siteUrl: string; limits: Record<string, string | undefined> };
export type ServerEnv = Settings & { servedToOthers: boolean; secret: string; secureCookies: boolean };
type Source = Record<string, string | undefined>;

/** The site URL rule: SITE_URL, else NEXTAUTH_URL, else http://$HOST:$PORT. */
export function siteUrlOf(e: { SITE_URL?: string; NEXTAUTH_URL?: string; HOST: string; PORT: number }): string {
  return (e.SITE_URL ?? e.NEXTAUTH_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`).replace(/\/+$/, "");
}

/** Validates a set of variables (process.env by default); throws one message listing every problem. */
export function parseSettings(source: Source = process.env): Settings {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const limits = Object.fromEntries(LIMIT_VARIABLES.map((k) => [k, source[k]]));
  return { ...parsed.data, siteUrl: siteUrlOf(parsed.data), limits };
}

let last: { key: string; value: Settings } | undefined;

/** The validated variables of this process (parsed again only when process.env changed). */
export function settings(): Settings {
  const key = ENV_VARIABLES.map((k) => process.env[k] ?? "\u0000").join("\u0001");
  if (last?.key !== key) last = { key, value: parseSettings(process.env) };
  return last.value;
}

/** The public base URL (canonical links, sitemap, Open Graph, mails, the callbackUrl check). */
export function siteUrl(): string {
  return settings().siteUrl;
}

/**
 * True when production serves beyond this machine: a non-loopback bind address or a
 * public URL (NEXTAUTH_URL or SITE_URL).
 */
export function isServedToOthers(e: { NODE_ENV: string; HOST: string; NEXTAUTH_URL?: string; SITE_URL?: string }): boolean {
  if (e.NODE_ENV !== "production") return false;
  const hosts = [e.NEXTAUTH_URL, e.SITE_URL].map((u) => (u ? new URL(u).hostname : "localhost"));
  return !LOOPBACK.has(e.HOST) || hosts.some((h) => !LOOPBACK.has(h));
}

/** A per-checkout secret for local use, created once in .data/ (git-ignored). */
function localSecret(): string {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const s = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, s, { flag: "wx", mode: 0o600 });
      return s;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}

/**
 * The server's configuration: the validated variables, and the production rule: a
 * server that NODE_ENV=production serves to others must set NEXTAUTH_SECRET and
 * NEXTAUTH_URL (start-up stops with a message saying so); locally a secret is made once.
 */
export function loadEnv(source: Source = process.env): ServerEnv {
  const e = parseSettings(source);
  const servedToOthers = isServedToOthers(e);
  if (servedToOthers && !e.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is required when Marquee runs in production for others " +
        `(HOST=${e.HOST}${e.NEXTAUTH_URL ? `, NEXTAUTH_URL=${e.NEXTAUTH_URL}` : ""}${e.SITE_URL ? `, SITE_URL=${e.SITE_URL}` : ""}). ` +
        "Set it to a long random value, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32), the same on every instance.",
    );
  }
  if (servedToOthers && !e.NEXTAUTH_URL) {
    throw new Error("NEXTAUTH_URL is required when Marquee runs in production for others: the public address, e.g. https://marquee.example.com");
  }
  return {
    ...e,
    servedToOthers,
    secret: e.NEXTAUTH_SECRET ?? localSecret(),
    secureCookies: e.NODE_ENV === "production" && (e.siteUrl.startsWith("https://") || servedToOthers),
  };
}

let cached: ServerEnv | undefined;
export function env(): ServerEnv {
  cached ??= loadEnv();
  return cached;
}
