// The film editor's streaming versions: an uploaded trailer is queued once, its progress
// is readable while it runs, and a server without ffmpeg says so instead of failing quietly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranscodeQueue, type Runner } from "@/lib/media/transcode";
import { startStreamingVersions, streamingStatus } from "@/lib/media/streaming";

let uploads: string;
let root: string;
const saved = process.env.UPLOAD_DIR;
beforeAll(() => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-up-"));
  root = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-hls-"));
  fs.mkdirSync(path.join(uploads, "trailers"), { recursive: true });
  fs.writeFileSync(path.join(uploads, "trailers", "abcdef0123456789.mp4"), "pretend video bytes");
  process.env.UPLOAD_DIR = uploads;
});
afterAll(() => {
  if (saved === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = saved;
  for (const d of [uploads, root]) fs.rmSync(d, { recursive: true, force: true });
});

/** ffmpeg's stand-in: half-way progress, then (once released) the master playlist. */
function slowRunner(release: Promise<void>): Runner {
  return async (args, onOutput) => {
    onOutput("out_time_us=4000000\nprogress=continue\n");
    await release;
    fs.writeFileSync(path.join(path.dirname(path.dirname(args[args.length - 1]!)), "master.m3u8"), "#EXTM3U\n");
  };
}

describe("streaming versions of an uploaded trailer", () => {
  it("are queued after a save, report progress, then are ready", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const q = createTranscodeQueue({ root, runner: slowRunner(gate), probe: async () => ({ duration: 8, height: 480 }) });
    const slug = "an-uploaded-film";
    expect(streamingStatus(slug, q)).toEqual({ state: "none" });

    const first = await startStreamingVersions(slug, "/uploads/trailers/abcdef0123456789.mp4", q);
    expect(["queued", "running"]).toContain(first.state);
    await expect.poll(() => streamingStatus(slug, q)).toEqual({ state: "running", progress: 0.5 });
    // the same upload saved again is the same job, not a second ffmpeg
    expect((await startStreamingVersions(slug, "/uploads/trailers/abcdef0123456789.mp4", q)).state).toBe("running");

    release();
    await q.idle();
    expect(streamingStatus(slug, q)).toMatchObject({
      state: "done",
      url: expect.stringMatching(new RegExp(`^/media/hls/${slug}/[0-9a-f]{12}/master\\.m3u8$`)),
    });
  });

  it("say plainly when the server has no ffmpeg", async () => {
    const missing = Object.assign(new Error("spawn ffprobe ENOENT"), { code: "ENOENT" });
    const q = createTranscodeQueue({ root, runner: slowRunner(Promise.resolve()), probe: () => Promise.reject(missing) });
    const status = await startStreamingVersions("no-ffmpeg-film", "/uploads/trailers/abcdef0123456789.mp4", q);
    expect(status).toEqual({ state: "failed", error: expect.stringMatching(/ffmpeg is not installed/) });
  });

  it("are not made for a bundled trailer or a path outside the uploads", async () => {
    const q = createTranscodeQueue({ root, runner: slowRunner(Promise.resolve()), probe: async () => ({ duration: 8, height: 480 }) });
    expect(await startStreamingVersions("bundled-film", "/media/trailers/the-work.mp4", q)).toEqual({ state: "none" });
    expect(await startStreamingVersions("bundled-film", "/uploads/trailers/../../etc/passwd", q)).toEqual({ state: "none" });
    expect(await startStreamingVersions("bundled-film", "", q)).toEqual({ state: "none" });
  });
});
