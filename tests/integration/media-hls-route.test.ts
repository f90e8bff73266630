// HLS, poster and range-bounded reads of the media routes, in Node: a Request in, a Response out.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as hlsGet } from "@/app/media/hls/[...path]/route";
import { GET as posterGet } from "@/app/media/posters/[file]/route";
import { GET as trailerGet } from "@/app/media/trailers/[file]/route";

const root = path.join(process.cwd(), "media", "hls", "the-work");
const version = fs.readdirSync(root)[0]!;

function hls(parts: string[], headers: Record<string, string> = {}) {
  return hlsGet(new Request(`http://localhost/media/hls/${parts.join("/")}`, { headers }), { params: Promise.resolve({ path: parts }) });
}

afterEach(() => vi.restoreAllMocks());

describe("GET /media/hls/...", () => {
  it("serves playlists and fMP4 segments with their types and immutable caching", async () => {
    const master = await hls(["the-work", version, "master.m3u8"]);
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(master.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await master.text()).toContain("240p/index.m3u8");

    const media = await hls(["the-work", version, "144p", "index.m3u8"]);
    expect(media.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    await media.body?.cancel();

    const seg = await hls(["the-work", version, "144p", "seg-001.m4s"]);
    expect(seg.status).toBe(200);
    expect(seg.headers.get("content-type")).toBe("video/mp4");
    expect(seg.headers.get("cache-control")).toContain("immutable");
    const bytes = Buffer.from(await seg.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(root, version, "144p", "seg-001.m4s")))).toBe(true);

    const init = await hls(["the-work", version, "240p", "init_0.mp4"]);
    expect(init.headers.get("content-type")).toBe("video/mp4");
    await init.body?.cancel();
  });

  it("answers 404 for anything but a stream's own files", async () => {
    for (const parts of [
      ["the-work", version, "..", "..", "..", "package.json"],
      ["the-work", "000000000000", "master.m3u8"],
      ["the-work", version, "240p", "seg-999.m4s"],
      ["the-work", version, "README.md"],
      ["no-such-film", version, "master.m3u8"],
    ]) {
      expect((await hls(parts)).status, parts.join("/")).toBe(404);
    }
  });

  it("serves the poster frame as a JPEG", async () => {
    const res = await posterGet(new Request("http://localhost/media/posters/the-work.jpg"), { params: Promise.resolve({ file: "the-work.jpg" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const b = Buffer.from(await res.arrayBuffer());
    expect(b[0]).toBe(0xff);
    expect(b[1]).toBe(0xd8);
    const bad = await posterGet(new Request("http://localhost/media/posters/x"), { params: Promise.resolve({ file: "../the-work.jpg" }) });
    expect(bad.status).toBe(404);
  });
});

describe("a media request reads no more than the range asked for", () => {
  it("opens the file at the range's first byte and stops at its last, for trailers and segments", async () => {
    const spy = vi.spyOn(fs, "createReadStream");
    const res = await trailerGet(new Request("http://localhost/media/trailers/the-work.webm", { headers: { Range: "bytes=1000-1099" } }), {
      params: Promise.resolve({ file: "the-work.webm" }),
    });
    expect(res.status).toBe(206);
    expect((await res.arrayBuffer()).byteLength).toBe(100);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1]).toMatchObject({ start: 1000, end: 1099 });
    // What the stream actually read from disk: bytesRead of the ReadStream it returned.
    const stream = spy.mock.results[0]!.value as fs.ReadStream;
    expect(stream.bytesRead).toBe(100);

    spy.mockClear();
    const seg = await hls(["the-work", version, "240p", "seg-000.m4s"], { Range: "bytes=0-9" });
    expect(seg.status).toBe(206);
    expect((await seg.arrayBuffer()).byteLength).toBe(10);
    expect((spy.mock.results[0]!.value as fs.ReadStream).bytesRead).toBe(10);
  });

  it("does not open the file at all for HEAD, 304 or 416", async () => {
    const spy = vi.spyOn(fs, "createReadStream");
    const size = fs.statSync(path.join(process.cwd(), "media", "trailers", "the-work.webm")).size;
    const ctx = { params: Promise.resolve({ file: "the-work.webm" }) };
    const r416 = await trailerGet(new Request("http://localhost/media/trailers/the-work.webm", { headers: { Range: `bytes=${size}-` } }), ctx);
    expect(r416.status).toBe(416);
    const first = await trailerGet(new Request("http://localhost/media/trailers/the-work.webm", { method: "HEAD" }), ctx);
    const r304 = await trailerGet(
      new Request("http://localhost/media/trailers/the-work.webm", { headers: { "If-None-Match": first.headers.get("etag")! } }),
      ctx,
    );
    expect(r304.status).toBe(304);
    expect(spy).not.toHaveBeenCalled();
  });
});
