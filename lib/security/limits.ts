// Write limits: one table, one mechanism. A mutation names its limit
// (runMutation(fn, { limit: "vote" }) in lib/actions/run.ts); members are counted per
// account, visitors per client address (lib/security/client-address.ts). Each limit's
// size comes from its environment variable (README.md, "Security").

export type LimitSpec = {
  /** Environment variable that sets `max`. */
  env: string;
  /** Default number of attempts per window. */
  max: number;
  windowSeconds: number;
  /** Plural noun for "Too many … Try again in N minutes." */
  what: string;
};

const MINUTE = 60;
const HOUR = 3600;

export const LIMITS = {
  vote: { env: "LIMIT_VOTES_PER_MINUTE", max: 60, windowSeconds: MINUTE, what: "votes" },
  review: { env: "LIMIT_REVIEW_SAVES_PER_HOUR", max: 20, windowSeconds: HOUR, what: "review changes" },
  report: { env: "LIMIT_REPORTS_PER_HOUR", max: 10, windowSeconds: HOUR, what: "reports" },
  wishlist: { env: "LIMIT_WISHLIST_PER_MINUTE", max: 30, windowSeconds: MINUTE, what: "wishlist changes" },
  progress: { env: "LIMIT_PROGRESS_PER_MINUTE", max: 30, windowSeconds: MINUTE, what: "saves of your place" },
  moderate: { env: "LIMIT_MODERATION_PER_MINUTE", max: 120, windowSeconds: MINUTE, what: "moderation decisions" },
  // Catalog editors, role changes, publishers' replies (issue 10).
  editor: { env: "LIMIT_EDITOR_WRITES_PER_MINUTE", max: 60, windowSeconds: MINUTE, what: "catalog changes" },
  account: { env: "LIMIT_ACCOUNT_CHANGES_PER_HOUR", max: 10, windowSeconds: HOUR, what: "account changes" },
  export: { env: "LIMIT_DATA_EXPORTS_PER_HOUR", max: 10, windowSeconds: HOUR, what: "downloads" },
  /** Per client address. */
  signup: { env: "LIMIT_SIGNUPS_PER_HOUR", max: 10, windowSeconds: HOUR, what: "sign-ups from your network" },
  /** Per client address and per email. */
  passwordReset: { env: "LIMIT_PASSWORD_RESETS_PER_HOUR", max: 5, windowSeconds: HOUR, what: "password reset requests" },
  /** Any mutation attempted without a session, per client address. */
  anonymous: { env: "LIMIT_ANONYMOUS_WRITES_PER_MINUTE", max: 30, windowSeconds: MINUTE, what: "requests" },
} satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/**
 * The limit in force: its environment variable when it is a positive integer, else the
 * default. `source` holds the variables (settings().limits from lib/env.ts).
 */
export function limitOf(name: LimitName, source: Record<string, string | undefined>): LimitSpec {
  const spec: LimitSpec = LIMITS[name];
  const raw = source[spec.env];
  const n = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? { ...spec, max: n } : spec;
}

export function waitText(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? "1 minute" : `${m} minutes`;
}

export function tooManyMessage(spec: LimitSpec, retryAfterSeconds: number): string {
  return `Too many ${spec.what}. Try again in ${waitText(retryAfterSeconds)}.`;
}
