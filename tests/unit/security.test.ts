import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clientAddress, SOCKET_HEADER } from "@/lib/security/client-address";
import { limitOf, LIMITS, tooManyMessage } from "@/lib/security/limits";
import { reportInputSchema, reviewInputSchema, voteInputSchema } from "@/lib/validation/review";
import { changePasswordSchema, deleteAccountSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";
import { parseSearchPageQuery, suggestParamsSchema } from "@/lib/validation/search";
import { filmListQuerySchema, reviewsQuerySchema } from "@/lib/validation/api";
import { reviewCursorFits } from "@/lib/keyset/cursor";
import { parseReviewListQuery } from "@/lib/validation/review-list";
import { hasUnsafeCodeUnits, toWellFormed } from "@/lib/validation/text";
import { encodeCursor } from "@/lib/keyset/cursor";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { checkFormActionBody, checkTextActionBody } from "@/lib/security/action-body";
import { contentSecurityPolicy, securityHeaderRules } from "@/lib/security/headers";

const MB = 1024 * 1024;
/** A megabyte of text that is expensive to segment and normalise (combining marks, emoji). */
const HOSTILE = "e\u0301👨‍👩‍👧‍👦 \u0000\r\n".repeat(MB / 16).slice(0, MB);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe("bounded work per input (1 MB values)", () => {
  const cases: [string, () => unknown][] = [
    ["review body", () => reviewInputSchema.safeParse({ filmId: "f1", rating: "5", body: HOSTILE })],
    ["review id", () => voteInputSchema.safeParse({ reviewId: HOSTILE, value: "YES" })],
    ["report note", () => reportInputSchema.safeParse({ reviewId: "r1", reason: "SPAM", note: HOSTILE })],
    ["sign-up name", () => signUpSchema.safeParse({ name: HOSTILE, email: "a@b.co", password: "x".repeat(20) })],
    ["sign-up email", () => signUpSchema.safeParse({ name: "A", email: HOSTILE, password: "x".repeat(20) })],
    ["sign-up password", () => signUpSchema.safeParse({ name: "A", email: "a@b.co", password: HOSTILE })],
    ["sign-in", () => signInSchema.safeParse({ email: HOSTILE, password: HOSTILE })],
    ["password change", () => changePasswordSchema.safeParse({ currentPassword: HOSTILE, newPassword: HOSTILE })],
    ["delete confirmation", () => deleteAccountSchema.safeParse({ confirm: HOSTILE })],
    ["forgot password", () => forgotPasswordSchema.safeParse({ email: HOSTILE })],
    ["reset password", () => resetPasswordSchema.safeParse({ token: HOSTILE, password: HOSTILE })],
    ["search page q", () => parseSearchPageQuery({ q: HOSTILE })],
    ["suggest q", () => suggestParamsSchema.safeParse({ q: HOSTILE })],
    ["API q", () => filmListQuerySchema.safeParse({ q: HOSTILE, genre: HOSTILE, cursor: HOSTILE, sort: HOSTILE, limit: HOSTILE })],
    ["API review params", () => reviewsQuerySchema.safeParse({ cursor: HOSTILE, sort: HOSTILE, rating: HOSTILE, dir: HOSTILE, limit: HOSTILE })],
    ["review page params", () => parseReviewListQuery({ cursor: HOSTILE, sort: HOSTILE, rating: HOSTILE })],
    ["callbackUrl", () => safeCallbackUrl(`/${HOSTILE}`)],
  ];
  for (const [name, run] of cases) {
    it(`${name}: refused or cut within a few milliseconds`, () => {
      run(); // warm up (regex compilation, JIT)
      const { value, ms } = timed(run);
      // Unbounded, the review body alone took 81 s for 300,000 characters.
      expect(ms).toBeLessThan(50);
      if (value && typeof value === "object" && "success" in value && name !== "search page q") expect((value as { success: boolean }).success).toBe(false);
    });
  }
  it("the search page keeps at most 100 characters of a huge q", () => {
    expect(parseSearchPageQuery({ q: "ab ".repeat(MB) }).q.length).toBeLessThanOrEqual(100);
  });
});

describe("bad input is refused, never thrown", () => {
  it("refuses NUL and lone surrogates where text reaches the database", () => {
    expect(hasUnsafeCodeUnits("a\u0000b")).toBe(true);
    expect(hasUnsafeCodeUnits("a\ud800b")).toBe(true);
    expect(hasUnsafeCodeUnits("a\udc00")).toBe(true);
    expect(hasUnsafeCodeUnits("ok 👍🏽 é")).toBe(false);
    expect(toWellFormed("a\ud800\u0000b")).toBe("a\ufffdb");
    expect(filmListQuerySchema.safeParse({ q: "the\u0000work" }).success).toBe(false);
    expect(filmListQuerySchema.safeParse({ q: "the\ud800work" }).success).toBe(false);
    expect(suggestParamsSchema.safeParse({ q: "wo\u0000rk" }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ filmId: "f1", rating: "5", body: "bad \ud83d text" }).success).toBe(false);
    expect(signUpSchema.safeParse({ name: "A\udfff", email: "a@b.co", password: "x".repeat(20) }).success).toBe(false);
  });

  it("checks review cursors by type and range", () => {
    const c = (v: (string | number)[], id = "review_1") => encodeCursor({ v, id });
    expect(reviewCursorFits("newest", c(["2024-01-02T03:04:05.000Z"]))).toBe(true);
    expect(reviewCursorFits("newest", c(["abc"]))).toBe(false);
    expect(reviewCursorFits("newest", c(["2024-02-31T00:00:00.000Z"]))).toBe(false);
    expect(reviewCursorFits("newest", c(["+275760-09-13T00:00:00.000Z"]))).toBe(false);
    expect(reviewCursorFits("helpful", c([0.5, "2024-01-02T03:04:05.000Z"]))).toBe(true);
    expect(reviewCursorFits("helpful", c([2 ** 31 + 1, "2024-01-02T03:04:05.000Z"]))).toBe(false);
    expect(reviewCursorFits("highest", c([3, "2024-01-02T03:04:05.000Z"]))).toBe(true);
    expect(reviewCursorFits("highest", c([3.5, "2024-01-02T03:04:05.000Z"]))).toBe(false);
    expect(reviewCursorFits("lowest", c([2 ** 40, "2024-01-02T03:04:05.000Z"]))).toBe(false);
    expect(reviewCursorFits("newest", c(["2024-01-02T03:04:05.000Z"], "bad id!"))).toBe(false);
    // the page drops a bad cursor, the API refuses it
    expect(parseReviewListQuery({ sort: "newest", cursor: c(["abc"]) }).cursor).toBeUndefined();
    const api = reviewsQuerySchema.safeParse({ sort: "newest", cursor: c(["abc"]) });
    expect(api.success).toBe(false);
    expect(api.error!.issues[0]!.path).toEqual(["cursor"]);
  });

  it("encodes callbackUrl so it fits a Location header", () => {
    expect(safeCallbackUrl("/films/amélie?x=日本")).toBe("/films/am%C3%A9lie?x=%E6%97%A5%E6%9C%AC");
    expect(safeCallbackUrl("/a b")).toBe("/a%20b");
    expect(safeCallbackUrl("/bad\ud800")).toBe("/");
    expect(safeCallbackUrl("//evil.example")).toBe("/");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const out = safeCallbackUrl(s);
        expect(out.startsWith("/")).toBe(true);
        expect(/^[\x21-\x7e]*$/.test(out)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("schemas never throw on generated input", () => {
    const anyValue = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string()),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.record({ a: anyValue, b: anyValue, c: anyValue, d: anyValue, e: anyValue }), ({ a, b, c, d, e }) => {
        reviewInputSchema.safeParse({ filmId: a, rating: b, body: c, anonymous: d, spoiler: e });
        reportInputSchema.safeParse({ reviewId: a, reason: b, note: c });
        signUpSchema.safeParse({ name: a, email: b, password: c });
        filmListQuerySchema.safeParse({ q: a, genre: b, sort: c, cursor: d, limit: e });
        reviewsQuerySchema.safeParse({ sort: a, rating: b, cursor: c, dir: d, limit: e });
        suggestParamsSchema.safeParse({ q: a, limit: b });
        parseReviewListQuery({ sort: a as string, cursor: c as string, rating: b as string });
      }),
      { numRuns: 1500 },
    );
  });
});

describe("server action bodies", () => {
  it("accepts what React sends and refuses malformed bodies", () => {
    expect(checkTextActionBody(`["review_1","YES"]`)).toBeNull();
    expect(checkTextActionBody(`["review_1",null]`)).toBeNull();
    expect(checkTextActionBody(`["$$dollar","$undefined"]`)).toBeNull();
    expect(checkTextActionBody(`not json`)).toMatch(/JSON/);
    expect(checkTextActionBody(`{"a":1}`)).toMatch(/list/);
    expect(checkTextActionBody(`["$@1"]`)).toMatch(/reference/);
    expect(checkTextActionBody(`["$K1"]`)).toMatch(/reference/);
    expect(checkTextActionBody("[".repeat(100) + "]".repeat(100))).toMatch(/deep/);
    const form = [
      ["0", `[null,"$K1"]`],
      ["_1_name", "Ann"],
    ] as [string, string][];
    expect(checkFormActionBody(form)).toBeNull();
    expect(checkFormActionBody([["0", `["$Q1"]`]])).toMatch(/reference/);
    expect(checkFormActionBody([["name", "x"]])).toMatch(/unexpected/);
    expect(
      checkFormActionBody([
        ["$ACTION_ID_abc", ""],
        ["name", "x"],
      ]),
    ).toBeNull();
  });
});

describe("trusted client address", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it("uses the socket address unless TRUST_PROXY says how many hops to trust", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 10.0.0.1", [SOCKET_HEADER]: "192.0.2.7" });
    expect(clientAddress(headers, 0)).toBe("192.0.2.7");
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    expect(clientAddress(headers, 5)).toBe("6.6.6.6");
    expect(clientAddress(h({ [SOCKET_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4", [SOCKET_HEADER]: "5.6.7.8" }, 0)).toBe("5.6.7.8");
    // garbage never becomes part of a key
    expect(clientAddress({ [SOCKET_HEADER]: "x y\u0000z" }, 0)).toBe("unknown");
  });
});

describe("write limits", () => {
  it("has the documented defaults and reads each from its variable", () => {
    expect(limitOf("vote", {})).toMatchObject({ max: 60, windowSeconds: 60 });
    expect(limitOf("review", {})).toMatchObject({ max: 20, windowSeconds: 3600 });
    expect(limitOf("report", {})).toMatchObject({ max: 10, windowSeconds: 3600 });
    expect(limitOf("signup", {})).toMatchObject({ max: 10, windowSeconds: 3600 });
    expect(limitOf("vote", { LIMIT_VOTES_PER_MINUTE: "5" }).max).toBe(5);
    expect(limitOf("vote", { LIMIT_VOTES_PER_MINUTE: "zero" }).max).toBe(60);
    for (const spec of Object.values(LIMITS)) expect(spec.env).toMatch(/^LIMIT_[A-Z_]+$/);
  });
  it("says what and for how long", () => {
    expect(tooManyMessage(LIMITS.vote, 42)).toBe("Too many votes. Try again in 1 minute.");
    expect(tooManyMessage(LIMITS.report, 3000)).toBe("Too many reports. Try again in 50 minutes.");
  });
});

describe("security headers", () => {
  it("sends a strict CSP and the other headers on every path", () => {
    const csp = contentSecurityPolicy(false);
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "script-src 'self' 'unsafe-inline'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-eval");
    const rules = securityHeaderRules({ https: false });
    const all = rules.find((r) => !r.has)!;
    expect(all.source).toBe("/:path*");
    const names = all.headers.map((x) => x.key);
    expect(names).toEqual(expect.arrayContaining(["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]));
    expect(all.headers.find((x) => x.key === "Referrer-Policy")!.value).toBe("strict-origin-when-cross-origin");
    expect(rules.find((r) => r.has)!.headers[0]!.key).toBe("Strict-Transport-Security");
    expect(securityHeaderRules({ https: true }).some((r) => !r.has && r.headers.some((x) => x.key === "Strict-Transport-Security"))).toBe(true);
  });
});
