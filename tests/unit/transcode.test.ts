import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTranscodeQueue, type Runner } from "@/lib/media/transcode";
import { HLS_TYPES, hlsArgs, ladderFor, parseHlsPath, parseProgress } from "@/lib/media/hls";

const tmp: string[] = [];
function dir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-tx-"));
  tmp.push(d);
  return d;
}
afterEach(() => {
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A stand-in for ffmpeg: reports progress in its -progress format and writes a master playlist. */
function fakeRunner(calls: string[][], opts: { fail?: boolean } = {}): Runner {
  return async (args, onOutput) => {
    calls.push(args);
    await new Promise((r) => setTimeout(r, 5));
    onOutput("frame=10\nout_time_us=2000000\nprogress=continue\n");
    await new Promise((r) => setTimeout(r, 5));
    onOutput("out_time_ms=6000000\nprogress=continue\n");
    if (opts.fail) throw new Error("ffmpeg exited 1: broken input");
    const out = path.dirname(path.dirname(args[args.length - 1]!));
    fs.writeFileSync(path.join(out, "master.m3u8"), "#EXTM3U\n");
    onOutput("progress=end\n");
  };
}

describe("transcode queue", () => {
  it("runs once per upload in the background and reports progress until done", async () => {
    const root = dir();
    const input = path.join(dir(), "upload.mp4");
    fs.writeFileSync(input, "pretend video bytes");
    const calls: string[][] = [];
    const q = createTranscodeQueue({ root, runner: fakeRunner(calls), probe: async () => ({ duration: 8, height: 720 }) });
    const job = await q.enqueue({ slug: "the-work", input });
    expect(job.state).toBe("queued"); // enqueue returns at once; the work happens after
    const seen: number[] = [];
    q.subscribe(job.id, (j) => seen.push(j.progress));
    const again = await q.enqueue({ slug: "the-work", input });
    expect(again.id).toBe(job.id);
    await q.idle();
    expect(calls).toHaveLength(1);
    const done = q.get(job.id)!;
    expect(done).toMatchObject({ state: "done", progress: 1, url: `/media/hls/the-work/${job.version}/master.m3u8` });
    expect(seen).toEqual(expect.arrayContaining([0.25, 0.75, 1]));
    expect(fs.readdirSync(path.join(root, "the-work"))).toEqual([job.version]);
    // 720p source: 720p, 480p, 360p, 240p, 180p, 144p; no upscaling to 1080p.
    expect(calls[0]!.join(" ")).toContain("name:720p");
    expect(calls[0]!.join(" ")).not.toContain("1080p");

    // A new queue (a restart) finds the output on disk and does not transcode again.
    const calls2: string[][] = [];
    const q2 = createTranscodeQueue({ root, runner: fakeRunner(calls2), probe: async () => ({ duration: 8, height: 720 }) });
    expect((await q2.enqueue({ slug: "the-work", input })).state).toBe("done");
    await q2.idle();
    expect(calls2).toHaveLength(0);
  });

  it("runs one job at a time, in order, and reports a failure without leaving files", async () => {
    const root = dir();
    const a = path.join(dir(), "a.mp4");
    const b = path.join(dir(), "b.mp4");
    fs.writeFileSync(a, "a");
    fs.writeFileSync(b, "b");
    let active = 0;
    let most = 0;
    const calls: string[][] = [];
    const inner = fakeRunner(calls);
    const runner: Runner = async (args, out) => {
      most = Math.max(most, ++active);
      try {
        await inner(args, out);
      } finally {
        active--;
      }
    };
    const q = createTranscodeQueue({ root, runner, probe: async () => ({ duration: 8, height: 240 }) });
    const ja = await q.enqueue({ slug: "alien", input: a });
    const jb = await q.enqueue({ slug: "heat", input: b });
    await q.idle();
    expect(most).toBe(1);
    expect(q.get(ja.id)?.state).toBe("done");
    expect(q.get(jb.id)?.state).toBe("done");

    const bad = createTranscodeQueue({ root, runner: fakeRunner([], { fail: true }), probe: async () => ({ duration: 8, height: 240 }) });
    const jc = await bad.enqueue({ slug: "coco", input: a });
    await bad.idle();
    expect(bad.get(jc.id)).toMatchObject({ state: "failed", error: expect.stringContaining("broken input") });
    expect(fs.existsSync(path.join(root, "coco")) ? fs.readdirSync(path.join(root, "coco")) : []).toEqual([]);
    await expect(bad.enqueue({ slug: "../etc", input: a })).rejects.toThrow("slug");
  });
});

describe("HLS names and ffmpeg arguments", () => {
  it("accepts only the files of a versioned stream, with their content types", () => {
    expect(parseHlsPath(["the-work", "0123456789ab", "master.m3u8"])).toEqual({ rel: "the-work/0123456789ab/master.m3u8", type: HLS_TYPES.m3u8 });
    expect(parseHlsPath(["the-work", "0123456789ab", "240p", "index.m3u8"])?.type).toBe("application/vnd.apple.mpegurl");
    expect(parseHlsPath(["the-work", "0123456789ab", "240p", "init_0.mp4"])?.type).toBe("video/mp4");
    expect(parseHlsPath(["the-work", "0123456789ab", "144p", "seg-003.m4s"])?.type).toBe("video/mp4");
    for (const bad of [
      ["the-work", "master.m3u8"],
      ["the-work", "0123456789ab", "..", "master.m3u8"],
      ["..", "0123456789ab", "master.m3u8"],
      ["the-work", "0123456789AB", "master.m3u8"],
      ["the-work", "0123456789ab", "240p", "seg-003.ts"],
      ["the-work", "0123456789ab", "240p", "../index.m3u8"],
      ["the-work", "0123456789ab", "x", "index.m3u8"],
      ["the-work", "0123456789ab", "240p", "index.m3u8", "extra"],
    ]) {
      expect(parseHlsPath(bad), bad.join("/")).toBeNull();
    }
  });

  it("makes at least three renditions without upscaling, with aligned keyframes", () => {
    expect(ladderFor(240).map((r) => r.name)).toEqual(["240p", "180p", "144p"]);
    expect(ladderFor(100).map((r) => r.name)).toEqual(["240p", "180p", "144p"]);
    expect(ladderFor(1080).map((r) => r.name)[0]).toBe("1080p");
    const d = dir();
    const args = hlsArgs("in.mp4", d, ladderFor(240), { fps: 24 }).join(" ");
    expect(args).toContain("-hls_segment_type fmp4");
    expect(args).toContain("-g 48 -keyint_min 48 -sc_threshold 0");
    expect(args).toContain("v:0,a:0,name:240p v:1,a:1,name:180p v:2,a:2,name:144p");
    expect(fs.existsSync(path.join(d, "144p"))).toBe(true);
  });

  it("reads ffmpeg's progress lines", () => {
    expect(parseProgress("out_time_us=4000000\nprogress=continue\n", 8)).toBe(0.5);
    expect(parseProgress("out_time_ms=2000000\n", 8)).toBe(0.25);
    expect(parseProgress("frame=3\n", 8)).toBeNull();
    expect(parseProgress("out_time_us=99000000\n", 8)).toBe(1);
    expect(parseProgress("progress=end\n", 8)).toBe(1);
    expect(parseProgress("out_time_us=N/A\n", 8)).toBeNull();
  });
});

describe("committed HLS streams (npm run media)", () => {
  it("has a versioned master playlist with three renditions for The Work", () => {
    const root = path.join(process.cwd(), "media", "hls", "the-work");
    const [version, ...more] = fs.readdirSync(root);
    expect(more).toEqual([]);
    const master = fs.readFileSync(path.join(root, version!, "master.m3u8"), "utf8");
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(3);
    for (const r of ["240p", "180p", "144p"]) expect(fs.readFileSync(path.join(root, version!, r, "index.m3u8"), "utf8")).toContain("#EXT-X-ENDLIST");
  });
});
