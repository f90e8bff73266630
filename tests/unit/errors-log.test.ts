import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, expect, it, vi } from "vitest";
import { isDatabaseUnavailable, newReferenceCode, reportFailure } from "@/lib/errors";
import { log, type RequestContext } from "@/lib/log";

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.LOG_FORMAT;
});

function capture() {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
  vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
  return lines;
}

it("reference codes are short, readable and differ", () => {
  const a = newReferenceCode();
  expect(a).toMatch(/^MQ-[A-HJ-NP-Z2-9]{6}$/);
  expect(new Set(Array.from({ length: 50 }, newReferenceCode)).size).toBe(50);
});

it("recognises an unreachable database through causes and codes", () => {
  expect(isDatabaseUnavailable(new Error("Invalid `prisma.$queryRaw()` invocation: Can't reach database server at 127.0.0.1:5432"))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))).toBe(true);
  expect(isDatabaseUnavailable(new Error("terminating connection due to administrator command"))).toBe(true);
  expect(isDatabaseUnavailable(new Error("Unique constraint failed on the fields: (`email`)"))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
});

it("reportFailure: a generic message with the code for the user; one log line with route, code and the original error", () => {
  const lines = capture();
  const f = reportFailure("action:saveReview", new Error("Can't reach database server at 10.1.2.3:5432"));
  expect(f.message).not.toContain("10.1.2.3");
  expect(f.message).toContain(`(Reference: ${f.code})`);
  expect(f.databaseUnavailable).toBe(true);
  expect(lines).toHaveLength(1);
  expect(lines[0]!.split("\n").filter(Boolean)).toHaveLength(1);
  expect(lines[0]).toContain("route=action:saveReview");
  expect(lines[0]).toContain(`code=${f.code}`);
  expect(lines[0]).toContain("Can't reach database server at 10.1.2.3:5432");
});

it("LOG_FORMAT=json: one JSON object per line carrying the request id", () => {
  process.env.LOG_FORMAT = "json";
  const als = new AsyncLocalStorage<RequestContext>();
  (globalThis as { __marqueeRequestContext?: unknown }).__marqueeRequestContext = als;
  const lines = capture();
  als.run({ id: "req-123", dbUnavailable: false }, () => {
    log("info", "hello", { route: "/x" });
    reportFailure("render:/films/[slug]", new Error("boom\nsecond line"), { digest: "12345" });
  });
  delete (globalThis as { __marqueeRequestContext?: unknown }).__marqueeRequestContext;
  expect(lines).toHaveLength(2);
  const [a, b] = lines.map((l) => JSON.parse(l));
  expect(a).toMatchObject({ level: "info", msg: "hello", requestId: "req-123", route: "/x" });
  expect(b).toMatchObject({ level: "error", requestId: "req-123", route: "render:/films/[slug]", digest: "12345", error: { message: "boom\nsecond line" } });
  expect(b.code).toMatch(/^MQ-/);
});
