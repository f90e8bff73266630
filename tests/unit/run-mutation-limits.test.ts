// The one mutation path counts each action's write limit: members per account, visitors
// against the shared "anonymous" limit of their address, and visitors' own actions
// (sign-up, password reset: `anonymous`) per address under their own limit, without
// reading a session.
import { beforeEach, expect, it, vi } from "vitest";

const getCurrentUser = vi.fn(async (): Promise<{ id: string; role: string } | null> => ({ id: "u1", role: "MEMBER" }));
const checkLimit = vi.fn(async (..._args: unknown[]): Promise<null | { ok: false; code: "rate-limited"; message: string }> => null);
vi.mock("next/cache", () => ({ updateTag: vi.fn() }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser }));
vi.mock("@/lib/actions/limit", () => ({ checkLimit, requestAddress: vi.fn(async () => "203.0.113.9") }));

beforeEach(() => {
  getCurrentUser.mockClear();
  checkLimit.mockClear();
});

it("counts a member's write against their account", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  const seen: unknown[] = [];
  const r = await runMutation(async (actor) => (seen.push(actor), { ok: true }), { limit: "vote", scope: {} });
  expect(r).toEqual({ ok: true });
  expect(seen).toEqual([{ id: "u1", role: "MEMBER" }]);
  expect(checkLimit).toHaveBeenCalledWith("vote", "user:u1", undefined);
});

it("counts a visitor's write against the shared anonymous limit of the address", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  getCurrentUser.mockResolvedValueOnce(null);
  await runMutation(async () => ({ ok: true }), { limit: "vote", scope: {} });
  expect(checkLimit).toHaveBeenCalledWith("anonymous", "addr:203.0.113.9", undefined);
});

it("anonymous actions read no session and count their own limit per address, under the given field", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  const seen: unknown[] = [];
  await runMutation(async (actor) => (seen.push(actor), { ok: true }), { anonymous: true, limit: "passwordReset", limitField: "email", scope: {} });
  expect(getCurrentUser).not.toHaveBeenCalled();
  expect(seen).toEqual([null]);
  expect(checkLimit).toHaveBeenCalledWith("passwordReset", "addr:203.0.113.9", "email");
});

it("over the limit nothing runs and the limit's failure is the answer", async () => {
  const { runMutation } = await import("@/lib/actions/run");
  const over = { ok: false as const, code: "rate-limited" as const, message: "Too many sign-ups from your network. Try again in 60 minutes." };
  checkLimit.mockResolvedValueOnce(over);
  const fn = vi.fn(async () => ({ ok: true as const }));
  expect(await runMutation(fn, { anonymous: true, limit: "signup", scope: {} })).toEqual(over);
  expect(fn).not.toHaveBeenCalled();
});
