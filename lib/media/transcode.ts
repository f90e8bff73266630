// Background transcoding of an uploaded source into the HLS ladder, once per upload.
// The film editor (issue 10) calls `transcodeQueue().enqueue({ slug, input })` after it has
// stored the upload, then shows `get(id)` / `subscribe(id, …)` progress. Page views never
// call this: they only read what is already on disk (lib/media/hls.ts hlsUrlIfPresent).
//
// Once per upload: a job is keyed by the film and a hash of the source bytes plus the
// ladder (the output folder's name). The same upload enqueued again returns the same job,
// and a source whose folder already exists is done without running ffmpeg at all.
// One job runs at a time (ffmpeg uses the CPU fully); the rest wait in order.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { settings } from "../env";
import path from "node:path";
import { AUDIO_KBPS, SEGMENT_SECONDS, hlsArgs, hlsRoot, ladderFor, parseProgress, type Rung } from "./hls";

export type JobState = "queued" | "running" | "done" | "failed";
export type TranscodeJob = {
  id: string;
  slug: string;
  version: string;
  state: JobState;
  /** 0..1 */
  progress: number;
  /** The master playlist URL once done. */
  url?: string;
  error?: string;
};

/** Runs ffmpeg with these arguments, handing its stdout (the -progress lines) to onOutput. */
export type Runner = (args: string[], onOutput: (chunk: string) => void) => Promise<void>;
export type Probe = (input: string) => Promise<{ duration: number; height: number }>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

export function ffmpegRunner(ffmpeg = settings().FFMPEG): Runner {
  return (args, onOutput) =>
    new Promise((resolve, reject) => {
      const child = spawn(ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"] });
      let err = "";
      child.stdout.setEncoding("utf8").on("data", onOutput);
      child.stderr.setEncoding("utf8").on("data", (d: string) => (err = (err + d).slice(-4000)));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err.trim().slice(-500)}`))));
    });
}

export function ffprobe(bin = settings().FFPROBE): Probe {
  return (input) =>
    new Promise((resolve, reject) => {
      const child = spawn(bin, ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=height:format=duration", "-of", "json", input], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.on("error", reject);
      child.on("exit", (code) => {
        try {
          const j = JSON.parse(out) as { streams?: { height?: number }[]; format?: { duration?: string } };
          const height = j.streams?.[0]?.height ?? 0;
          const duration = Number(j.format?.duration ?? 0);
          if (code !== 0 || !height || !Number.isFinite(duration) || duration <= 0) throw new Error("not a video");
          resolve({ height, duration });
        } catch {
          reject(new Error("The file is not a video ffprobe can read."));
        }
      });
    });
}

/** Hash of the file's bytes, streamed (an upload may be large) and the ladder. */
async function versionOf(input: string, rungs: Rung[]): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(input)) hash.update(chunk as Buffer);
  hash.update(JSON.stringify({ rungs, seg: SEGMENT_SECONDS, audio: AUDIO_KBPS }));
  return hash.digest("hex").slice(0, 12);
}

export function createTranscodeQueue(opts: { runner?: Runner; probe?: Probe; root?: string } = {}) {
  const runner = opts.runner ?? ffmpegRunner();
  const probe = opts.probe ?? ffprobe();
  const root = opts.root ?? hlsRoot();
  const jobs = new Map<string, TranscodeJob>();
  const listeners = new Map<string, Set<(job: TranscodeJob) => void>>();
  const inputs = new Map<string, { input: string; rungs: Rung[]; duration: number }>();
  const waiting: string[] = [];
  let running: Promise<void> | null = null;

  function update(id: string, patch: Partial<TranscodeJob>) {
    const job = { ...jobs.get(id)!, ...patch };
    jobs.set(id, job);
    for (const fn of listeners.get(id) ?? []) fn(job);
  }

  async function work(id: string) {
    const job = jobs.get(id)!;
    const { input, rungs, duration } = inputs.get(id)!;
    const filmDir = path.join(root, job.slug);
    const part = path.join(filmDir, `.part-${job.version}`);
    update(id, { state: "running", progress: 0 });
    try {
      fs.rmSync(part, { recursive: true, force: true });
      fs.mkdirSync(part, { recursive: true });
      await runner(hlsArgs(input, part, rungs, { preset: "medium" }), (chunk) => {
        const p = parseProgress(chunk, duration);
        if (p !== null && p > (jobs.get(id)?.progress ?? 0)) update(id, { progress: Math.min(p, 0.99) });
      });
      const target = path.join(filmDir, job.version);
      fs.rmSync(target, { recursive: true, force: true });
      fs.renameSync(part, target);
      // Only the newest version of a film's stream stays.
      for (const old of fs.readdirSync(filmDir)) if (old !== job.version && !old.startsWith(".part-")) fs.rmSync(path.join(filmDir, old), { recursive: true, force: true });
      update(id, { state: "done", progress: 1, url: `/media/hls/${job.slug}/${job.version}/master.m3u8` });
    } catch (e) {
      fs.rmSync(part, { recursive: true, force: true });
      update(id, { state: "failed", error: e instanceof Error ? e.message : String(e) });
    } finally {
      inputs.delete(id);
    }
  }

  function pump() {
    if (running) return;
    const next = waiting.shift();
    if (!next) return;
    running = work(next).finally(() => {
      running = null;
      pump();
    });
  }

  return {
    /** Queues a transcode of `input` for the film `slug`; resolves once it is queued (not done). */
    async enqueue({ slug, input }: { slug: string; input: string }): Promise<TranscodeJob> {
      if (!SLUG.test(slug)) throw new Error("Bad film slug.");
      const { duration, height } = await probe(input);
      const rungs = ladderFor(height);
      const version = await versionOf(input, rungs);
      const id = `${slug}:${version}`;
      const known = jobs.get(id);
      if (known && known.state !== "failed") return known;
      if (fs.existsSync(path.join(root, slug, version, "master.m3u8"))) {
        const done: TranscodeJob = { id, slug, version, state: "done", progress: 1, url: `/media/hls/${slug}/${version}/master.m3u8` };
        jobs.set(id, done);
        return done;
      }
      jobs.set(id, { id, slug, version, state: "queued", progress: 0 });
      inputs.set(id, { input, rungs, duration });
      waiting.push(id);
      queueMicrotask(pump);
      return jobs.get(id)!;
    },
    get(id: string): TranscodeJob | undefined {
      return jobs.get(id);
    },
    /** Calls fn on every change of the job (state, progress); returns the unsubscribe. */
    subscribe(id: string, fn: (job: TranscodeJob) => void): () => void {
      const set = listeners.get(id) ?? new Set();
      set.add(fn);
      listeners.set(id, set);
      return () => set.delete(fn);
    },
    /** Resolves when nothing is queued or running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running || waiting.length) await (running ?? Promise.resolve());
    },
  };
}

export type TranscodeQueue = ReturnType<typeof createTranscodeQueue>;

/**
 * The process's queue (one ffmpeg at a time per server process). On globalThis: Next
 * bundles server actions and route handlers apart, and both must see the same jobs.
 */
export function transcodeQueue(): TranscodeQueue {
  const g = globalThis as { __marqueeTranscodeQueue?: TranscodeQueue };
  return (g.__marqueeTranscodeQueue ??= createTranscodeQueue());
}
