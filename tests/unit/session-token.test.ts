import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-of-some-length-0123456789";

describe("decodeSessionToken (GET /api/me's decode, the key derived once)", () => {
  afterEach(() => vi.useRealTimers());

  it("reads what next-auth signs, with the same claims", async () => {
    const token = await encode({ token: { sub: "user-1", sv: 3, name: "Ada" }, secret: SECRET });
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1", sv: 3, name: "Ada" });
    // twice: the cached key gives the same answer
    expect(await decodeSessionToken(token, SECRET)).toMatchObject({ sub: "user-1" });
  });

  it("refuses another secret, a tampered token, garbage and an expired token", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET });
    expect(await decodeSessionToken(token, `${SECRET}x`)).toBeNull();
    const parts = token.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(await decodeSessionToken(parts.join("."), SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-token", SECRET)).toBeNull();
    const short = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: 60 });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    expect(await decodeSessionToken(short, SECRET)).toBeNull();
  });
});
