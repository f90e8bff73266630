// The page/data cache handler (lib/cache/handler.mjs) and the front cache (lib/cache/front.mjs).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

type Handler = {
  get(k: string): Promise<unknown>;
  set(k: string, d: unknown, c?: unknown): Promise<void>;
  revalidateTag(t: string | string[], d?: unknown): Promise<void>;
};

async function load(env: Record<string, string | undefined> = {}) {
  vi.resetModules();
  delete (globalThis as Record<string, unknown>).__marqueeCache;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const mod = await import("@/lib/cache/handler.mjs");
  return { mod, handler: new mod.default() as Handler };
}

const page = (html: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([["/a", Buffer.from("seg")]]),
  headers: { "x-next-cache-tags": "film:x" },
  status: 200,
});

beforeEach(() => tagsManifest.clear());
afterEach(() => {
  const shared = (globalThis as { __marqueeCache?: { redis?: { disconnect(): void } | null; sub?: { disconnect(): void } } }).__marqueeCache;
  shared?.redis?.disconnect();
  shared?.sub?.disconnect();
  delete process.env.REDIS_URL;
  delete process.env.CACHE_MEMORY_MB;
});

describe("cache handler", () => {
  it("keeps Buffers and Maps through its JSON form (Redis entries)", async () => {
    const { mod } = await load();
    const v = page("<p>x</p>");
    const back = mod.deserialize(mod.serialize({ value: v, lastModified: 1 }));
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect(back.value.rscData.toString()).toBe("rsc:<p>x</p>");
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/a").toString()).toBe("seg");
  });

  it("serves what it stored, and an invalidation expires the tag in Next's manifest and empties the front cache", async () => {
    const { handler } = await load({ REDIS_URL: undefined });
    await handler.set("k1", page("one"), { tags: [] });
    const got = (await handler.get("k1")) as { value: { html: string }; lastModified: number };
    expect(got.value.html).toBe("one");
    const clear = vi.fn();
    (globalThis as Record<string, unknown>).__marqueeFrontCache = { clear };
    const before = Date.now();
    await handler.revalidateTag(["film:x", "reviews:x"]);
    expect(tagsManifest.get("film:x")?.expired).toBeGreaterThanOrEqual(before);
    expect(tagsManifest.get("reviews:x")?.expired).toBeGreaterThanOrEqual(before);
    expect(tagsManifest.has("film:y")).toBe(false);
    expect(clear).toHaveBeenCalled();
    // stale-while-revalidate profiles mark stale, and expire only later
    await handler.revalidateTag("catalog", { expire: 60 });
    expect(tagsManifest.get("catalog")?.stale).toBeGreaterThanOrEqual(before);
    expect(tagsManifest.get("catalog")?.expired).toBeGreaterThan(Date.now() + 50_000);
  });

  it("dates an entry from the lookup that led to it, so a write during the render leaves it expired", async () => {
    const { handler } = await load({ REDIS_URL: undefined });
    expect(await handler.get("race")).toBeNull(); // Next looks up, misses, starts rendering…
    await new Promise((r) => setTimeout(r, 5));
    await handler.revalidateTag("film:race"); // …a write expires the tag meanwhile…
    await new Promise((r) => setTimeout(r, 5));
    await handler.set("race", page("read before the write"), { tags: [] }); // …the render stores what it read
    const entry = (await handler.get("race")) as { lastModified: number };
    expect(entry.lastModified).toBeLessThan(tagsManifest.get("film:race")!.expired!);
  });

  it("a fresh hit forgets the lookup: the render after a later expiry is dated from its own lookup", async () => {
    const { handler } = await load({ REDIS_URL: undefined });
    const tagged = { ...page("v1"), headers: { "x-next-cache-tags": "film:again" } };
    await handler.get("again"); // miss
    await handler.set("again", tagged, { tags: [] });
    await new Promise((r) => setTimeout(r, 5));
    expect(await handler.get("again")).not.toBeNull(); // a fresh hit, long before the write
    await new Promise((r) => setTimeout(r, 5));
    await handler.revalidateTag("film:again"); // the write
    await new Promise((r) => setTimeout(r, 5));
    await handler.get("again"); // found expired: Next renders again
    await handler.set("again", { ...tagged, html: "v2" }, { tags: [] });
    const entry = (await handler.get("again")) as { lastModified: number };
    expect(entry.lastModified).toBeGreaterThan(tagsManifest.get("film:again")!.expired!);
  });

  it("expireTags (used by server actions) expires at once", async () => {
    await load({ REDIS_URL: undefined });
    const expire = (globalThis as Record<string, unknown>).__marqueeExpireTags as (t: string[]) => Promise<void>;
    const before = Date.now();
    await expire(["film:z"]);
    expect(tagsManifest.get("film:z")?.expired).toBeGreaterThanOrEqual(before);
  });

  it("drops the least recently used entries past its memory budget", async () => {
    const { handler } = await load({ CACHE_MEMORY_MB: "8" });
    const big = "x".repeat(3 * 1024 * 1024);
    await handler.set("a", { kind: "APP_ROUTE", body: Buffer.from(big), headers: {}, status: 200 });
    await handler.set("b", { kind: "APP_ROUTE", body: Buffer.from(big), headers: {}, status: 200 });
    await handler.get("a"); // a is now the most recent
    await handler.set("c", { kind: "APP_ROUTE", body: Buffer.from(big), headers: {}, status: 200 });
    expect(await handler.get("b")).toBeNull();
    expect(await handler.get("a")).not.toBeNull();
    expect(await handler.get("c")).not.toBeNull();
  });

  it("with Redis unreachable, reads miss fast and writes and invalidations still work locally", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { handler } = await load({ REDIS_URL: "redis://127.0.0.1:1" });
    const t0 = Date.now();
    expect(await handler.get("nothing")).toBeNull();
    await handler.set("k", page("local"), { tags: [] });
    expect(((await handler.get("k")) as { value: { html: string } }).value.html).toBe("local");
    await handler.revalidateTag("film:down");
    expect(tagsManifest.get("film:down")?.expired).toBeDefined();
    expect(Date.now() - t0).toBeLessThan(1500);
    warn.mockRestore();
  });
});

describe("front cache", () => {
  type Res = {
    statusCode: number;
    headers: Record<string, unknown>;
    body: Buffer | null;
    writeHead: (s: number, h?: Record<string, unknown>) => void;
    setHeader: (k: string, v: unknown) => void;
    getHeaders: () => Record<string, unknown>;
    write: (c: unknown) => boolean;
    end: (c?: unknown) => void;
  };
  function res(): Res {
    const r: Res = {
      statusCode: 200,
      headers: {},
      body: null,
      writeHead(s, h) {
        r.statusCode = s;
        Object.assign(r.headers, h ?? {});
      },
      setHeader(k, v) {
        r.headers[k.toLowerCase()] = v;
      },
      getHeaders: () => r.headers,
      write: () => true,
      end(c) {
        r.body = c == null ? Buffer.alloc(0) : Buffer.from(c as string);
      },
    };
    return r;
  }
  const req = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { "accept-encoding": "gzip", ...headers } });

  async function front() {
    const { createFrontCache } = await import("@/lib/cache/front.mjs");
    const zlib = await import("node:zlib");
    return createFrontCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, gzip: zlib.gzipSync });
  }

  it("keeps a page Next served from its cache, replays it gzipped, and forgets everything on clear()", async () => {
    const f = await front();
    const r1 = res();
    const q = req("/films/x");
    expect(f.serve(q, r1)).toBe(false);
    f.capture(q, r1);
    expect(q.headers["accept-encoding"]).toBe("identity");
    r1.setHeader("x-nextjs-cache", "MISS");
    r1.setHeader("content-type", "text/html");
    r1.end("<html>x</html>");
    const r2 = res();
    expect(f.serve(req("/films/x"), r2)).toBe(true);
    expect(r2.headers["Content-Encoding"]).toBe("gzip");
    expect((await import("node:zlib")).gunzipSync(r2.body!).toString()).toBe("<html>x</html>");
    (globalThis as { __marqueeFrontCache?: { clear(): void } }).__marqueeFrontCache!.clear();
    expect(f.serve(req("/films/x"), res())).toBe(false);
  });

  it("keeps http and https answers apart (HSTS is sent over https only)", async () => {
    const f = await front();
    const r = res();
    f.capture(req("/help"), r);
    r.setHeader("x-nextjs-cache", "HIT");
    r.end("plain");
    expect(f.serve(req("/help", { "x-forwarded-proto": "https" }), res())).toBe(false);
    expect(f.serve(req("/help"), res())).toBe(true);
  });

  it("never keeps rendered pages, errors, cookies, RSC navigations or answers that raced an invalidation", async () => {
    const f = await front();
    const cases: [string, Record<string, string>, (r: Res) => void][] = [
      ["/dynamic", {}, (r) => r.setHeader("content-type", "text/html")],
      ["/gone", {}, (r) => (r.setHeader("x-nextjs-cache", "HIT"), (r.statusCode = 404))],
      ["/cookie", {}, (r) => (r.setHeader("x-nextjs-cache", "HIT"), r.setHeader("set-cookie", "a=b"))],
      ["/films/y", { rsc: "1" }, (r) => r.setHeader("x-nextjs-cache", "HIT")],
    ];
    for (const [url, headers, answer] of cases) {
      const r = res();
      f.capture(req(url, headers), r);
      answer(r);
      r.end("body");
      expect(f.serve(req(url, headers), res())).toBe(false);
    }
    const r = res();
    f.capture(req("/raced"), r);
    f.clear();
    r.setHeader("x-nextjs-cache", "HIT");
    r.end("old");
    expect(f.serve(req("/raced"), res())).toBe(false);
  });
});
