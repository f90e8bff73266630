// The media route end to end in Node: a Request in, a Response out, bytes compared with the file on disk.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET, HEAD } from "@/app/media/trailers/[file]/route";

const NAME = "the-work.webm";
const FILE = path.join(process.cwd(), "media", "trailers", NAME);
const bytes = fs.readFileSync(FILE);
const SIZE = bytes.length;

function call(method: "GET" | "HEAD", file: string, headers: Record<string, string> = {}) {
  const req = new Request(`http://localhost/media/trailers/${file}`, { method, headers });
  const ctx = { params: Promise.resolve({ file }) };
  return method === "GET" ? GET(req, ctx) : HEAD(req, ctx);
}

async function bodyOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe("GET /media/trailers/[file]", () => {
  it("sends the whole file with its type, length and validators when there is no Range", async () => {
    const res = await call("GET", NAME);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/webm");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(res.headers.get("last-modified")!).getTime()).not.toBeNaN();
    expect((await bodyOf(res)).equals(bytes)).toBe(true);
  });

  it("serves MP4 as video/mp4", async () => {
    const res = await call("GET", "the-work.mp4");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    await res.body?.cancel();
  });

  it("answers bytes=a-b, a- and -n with 206 and exactly those bytes", async () => {
    const cases: [string, number, number][] = [
      ["bytes=0-99", 0, 99],
      ["bytes=100-", 100, SIZE - 1],
      ["bytes=-10", SIZE - 10, SIZE - 1],
      [`bytes=-${SIZE + 50}`, 0, SIZE - 1],
      [`bytes=${SIZE - 5}-${SIZE + 500}`, SIZE - 5, SIZE - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await call("GET", NAME, { Range: range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${SIZE}`);
      expect(res.headers.get("content-length"), range).toBe(String(end - start + 1));
      const got = await bodyOf(res);
      expect(got.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("answers an unsatisfiable range with 416 and bytes */size", async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, "bytes=-0"]) {
      const res = await call("GET", NAME, { Range: range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get("content-range"), range).toBe(`bytes */${SIZE}`);
      expect((await bodyOf(res)).length).toBe(0);
    }
  });

  it("ignores malformed and multiple ranges: 200 with the whole file", async () => {
    for (const range of ["bytes=abc", "bytes=50-10", "lines=1-2", "bytes=0-1,5-6"]) {
      const res = await call("GET", NAME, { Range: range });
      expect(res.status, range).toBe(200);
      expect(res.headers.get("content-range")).toBeNull();
      expect((await bodyOf(res)).length).toBe(SIZE);
    }
  });

  it("honours If-Range: the range for the current ETag, the whole file for an old one", async () => {
    const etag = (await call("HEAD", NAME)).headers.get("etag")!;
    const fresh = await call("GET", NAME, { Range: "bytes=0-9", "If-Range": etag });
    expect(fresh.status).toBe(206);
    expect((await bodyOf(fresh)).length).toBe(10);
    const stale = await call("GET", NAME, { Range: "bytes=0-9", "If-Range": '"old-tag"' });
    expect(stale.status).toBe(200);
    expect((await bodyOf(stale)).length).toBe(SIZE);
  });

  it("answers 304 to a matching If-None-Match or If-Modified-Since", async () => {
    const first = await call("HEAD", NAME);
    const etag = first.headers.get("etag")!;
    const inm = await call("GET", NAME, { "If-None-Match": etag });
    expect(inm.status).toBe(304);
    expect(inm.headers.get("etag")).toBe(etag);
    const ims = await call("GET", NAME, { "If-Modified-Since": first.headers.get("last-modified")! });
    expect(ims.status).toBe(304);
    const changed = await call("GET", NAME, { "If-None-Match": '"something-else"' });
    expect(changed.status).toBe(200);
    await changed.body?.cancel();
  });

  it("HEAD sends the headers without a body, with or without Range", async () => {
    const res = await call("HEAD", NAME);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.body).toBeNull();
    const part = await call("HEAD", NAME, { Range: "bytes=0-99" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-99/${SIZE}`);
    expect(part.body).toBeNull();
  });

  it("refuses path traversal, odd names and missing files with 404", async () => {
    for (const file of ["../package.json", "..%2F..%2Fpackage.json", "README.md", "the-work.mkv", "The-Work.webm", "no-such-film.webm", "%2e%2e"]) {
      const res = await call("GET", file);
      expect(res.status, file).toBe(404);
      await res.body?.cancel();
    }
  });
});
