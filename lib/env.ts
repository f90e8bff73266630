// Server configuration from the environment, validated once with safe local defaults
// and a hard, clear failure for what a public production server must set.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("localhost"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  ADMIN_EMAIL: z.string().email().default("admin@marquee.local"),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  SIGNIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGNIN_SLOWDOWN_PER_EMAIL: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Marquee <no-reply@marquee.local>"),
  REPORT_MIN_ACCOUNT_AGE_HOURS: z.coerce.number().min(0).default(24),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  REPORT_HIDE_THRESHOLD: z.coerce.number().int().min(1).default(3),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_ID: z.string().optional(),
  GOOGLE_SECRET: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("SSO"),
  // Shared cache, tag invalidation and rate-limit counters across instances; unset = per process.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional(),
});

export type ServerEnv = z.infer<typeof schema> & { siteUrl: string; servedToOthers: boolean; secret: string; secureCookies: boolean };

/** True when production serves beyond this machine: a non-loopback bind address or public URL. */
export function isServedToOthers(e: { NODE_ENV: string; HOST: string; NEXTAUTH_URL?: string }): boolean {
  if (e.NODE_ENV !== "production") return false;
  const urlHost = e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL).hostname : "localhost";
  return !LOOPBACK.has(e.HOST) || !LOOPBACK.has(urlHost);
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

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const servedToOthers = isServedToOthers(e);
  if (servedToOthers && !e.NEXTAUTH_SECRET) {
    throw new Error(
      "NEXTAUTH_SECRET is required when Marquee runs in production for others " +
        `(HOST=${e.HOST}${e.NEXTAUTH_URL ? `, NEXTAUTH_URL=${e.NEXTAUTH_URL}` : ""}). ` +
        "Set it to a long random value, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32), the same on every instance.",
    );
  }
  if (servedToOthers && !e.NEXTAUTH_URL) {
    throw new Error("NEXTAUTH_URL is required when Marquee runs in production for others: the public address, e.g. https://marquee.example.com");
  }
  const siteUrl = (e.NEXTAUTH_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`).replace(/\/+$/, "");
  return {
    ...e,
    siteUrl,
    servedToOthers,
    secret: e.NEXTAUTH_SECRET ?? localSecret(),
    secureCookies: e.NODE_ENV === "production" && (siteUrl.startsWith("https://") || servedToOthers),
  };
}

let cached: ServerEnv | undefined;
export function env(): ServerEnv {
  cached ??= loadEnv();
  return cached;
}
