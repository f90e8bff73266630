// Forms: an unexpected failure becomes a generic message with a reference code, and the
// server logs one line with the same code and the original error.
import { afterEach, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ updateTag: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn(async () => ({ id: "u1", role: "MEMBER" })) }));

afterEach(() => vi.restoreAllMocks());

it("maps a database failure in a mutation to a generic message with a reference code", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
  const r = await runMutation(
    async () => {
      throw new Error("Invalid `prisma.$queryRaw()` invocation: Can't reach database server at 127.0.0.1:5432");
    },
    { route: "saveReview" },
  );
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe("error");
  expect(r.message).not.toMatch(/prisma|127\.0\.0\.1/);
  expect(r.message).toMatch(/\(Reference: MQ-[A-Z0-9]{6}\)$/);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain("route=action:saveReview");
  expect(lines[0]).toContain(`code=${r.reference}`);
  expect(lines[0]).toContain("Can't reach database server at 127.0.0.1:5432");
});

it("passes expected failures (validation, ownership) through untouched", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  const r = await runMutation(async () => ({ ok: false as const, code: "invalid" as const, message: "Choose a rating from 1 to 5 stars." }));
  expect(r).toEqual({ ok: false, code: "invalid", message: "Choose a rating from 1 to 5 stars." });
});
