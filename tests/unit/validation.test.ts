import { describe, expect, it } from "vitest";
import { cleanText, graphemeLength } from "@/lib/validation/text";
import { reportInputSchema, reviewInputSchema, voteInputSchema } from "@/lib/validation/review";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { isServedToOthers, loadEnv } from "@/lib/env";

describe("review text", () => {
  it("counts user-perceived characters", () => {
    expect(graphemeLength("abc")).toBe(3);
    expect(graphemeLength("é")).toBe(1);
    expect(graphemeLength("e\u0301")).toBe(1); // e + combining accent
    expect(graphemeLength("👍🏽")).toBe(1);
    expect(graphemeLength("👨‍👩‍👧‍👦")).toBe(1);
    expect(graphemeLength("🇫🇷")).toBe(1);
  });
  it("trims, removes control characters and keeps line breaks", () => {
    expect(cleanText("  hi\u0000 there\u0007  ")).toBe("hi there");
    expect(cleanText("one\r\ntwo\n\n\n\nthree")).toBe("one\ntwo\n\nthree");
    expect(cleanText("\u200b\ufeff")).toBe("");
  });
  const base = { filmId: "film_1", rating: "4" };
  it("accepts 500 characters, refuses 501, and treats whitespace as no text", () => {
    expect(reviewInputSchema.parse({ ...base, body: "x".repeat(500) }).body).toHaveLength(500);
    expect(reviewInputSchema.parse({ ...base, body: "👍🏽".repeat(500) }).body).toBe("👍🏽".repeat(500));
    const r = reviewInputSchema.safeParse({ ...base, body: "é".repeat(501) });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe("Your review is 501 characters long. Please keep it to 500.");
    expect(reviewInputSchema.parse({ ...base, body: " \n\t " }).body).toBeNull();
    expect(reviewInputSchema.parse({ ...base }).body).toBeNull();
  });
  it("wants an integer rating from 1 to 5 and reads checkboxes", () => {
    for (const rating of ["0", "6", "3.5", "", "five", null]) expect(reviewInputSchema.safeParse({ ...base, rating }).success).toBe(false);
    const ok = reviewInputSchema.parse({ ...base, rating: "5", anonymous: "on", spoiler: null });
    expect(ok).toMatchObject({ rating: 5, anonymous: true, spoiler: false });
  });
  it("validates votes and reports", () => {
    expect(voteInputSchema.safeParse({ reviewId: "r1", value: null }).success).toBe(true);
    expect(voteInputSchema.safeParse({ reviewId: "r1", value: "MAYBE" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ reviewId: "r1", reason: "SPOILER", note: "" }).data?.note).toBeNull();
    expect(reportInputSchema.safeParse({ reviewId: "r1", reason: "BORING" }).success).toBe(false);
    expect(reportInputSchema.safeParse({ reviewId: "'; drop table", reason: "SPAM" }).success).toBe(false);
  });
});

describe("accounts", () => {
  it("normalises email and requires a long enough password", () => {
    expect(signUpSchema.parse({ name: " Ana ", email: " Ana@Example.COM ", password: "0123456789" })).toEqual({
      name: "Ana",
      email: "ana@example.com",
      password: "0123456789",
    });
    expect(signUpSchema.safeParse({ name: "Ana", email: "ana@example.com", password: "012345678" }).success).toBe(false);
    expect(signUpSchema.safeParse({ name: "  ", email: "ana@example.com", password: "0123456789" }).success).toBe(false);
    expect(signUpSchema.safeParse({ name: "Ana", email: "not-an-email", password: "0123456789" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
  });
  it("only follows callbacks to our own pages", () => {
    expect(safeCallbackUrl("/films/the-work?rate=4#rate")).toBe("/films/the-work?rate=4#rate");
    for (const bad of ["https://evil.example/x", "//evil.example", "/\\evil.example", "javascript:alert(1)", "films", "", undefined, 42]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
    expect(safeCallbackUrl("http://localhost:3000/wishlist")).toBe("/wishlist");
  });
});

describe("configuration", () => {
  it("needs a secret only when production serves others, and says so", () => {
    expect(isServedToOthers({ NODE_ENV: "production", HOST: "localhost" })).toBe(false);
    expect(isServedToOthers({ NODE_ENV: "production", HOST: "0.0.0.0" })).toBe(true);
    expect(isServedToOthers({ NODE_ENV: "production", HOST: "localhost", NEXTAUTH_URL: "https://marquee.example" })).toBe(true);
    expect(isServedToOthers({ NODE_ENV: "development", HOST: "0.0.0.0" })).toBe(false);
    expect(() => loadEnv({ NODE_ENV: "production", HOST: "0.0.0.0", NEXTAUTH_URL: "https://marquee.example" })).toThrow(/NEXTAUTH_SECRET is required/);
    const ok = loadEnv({ NODE_ENV: "production", HOST: "0.0.0.0", NEXTAUTH_URL: "https://marquee.example", NEXTAUTH_SECRET: "x".repeat(32) });
    expect(ok).toMatchObject({ servedToOthers: true, secureCookies: true, secret: "x".repeat(32) });
    const local = loadEnv({ NODE_ENV: "production", HOST: "localhost" });
    expect(local).toMatchObject({ servedToOthers: false, secureCookies: false, siteUrl: "http://localhost:3000" });
    expect(local.secret.length).toBeGreaterThan(20);
  });
});
