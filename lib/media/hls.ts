// Adaptive streaming (HLS): the rendition ladder, the ffmpeg command that makes it from a
// source file, and the names the media route accepts. Node only, no database. Used by
// scripts/make-media.ts (the stand-ins), lib/media/transcode.ts (uploads) and the route
// app/media/hls/[...path]/route.ts.
//
// Layout on disk, one folder per film and version of its source:
//   media/hls/<slug>/<version>/master.m3u8            the multivariant playlist
//   media/hls/<slug>/<version>/<rung>/index.m3u8      one media playlist per rendition
//   media/hls/<slug>/<version>/<rung>/init_<n>.mp4    its fMP4 initialisation segment
//   media/hls/<slug>/<version>/<rung>/seg-000.m4s     2-second fMP4 segments (H.264 + AAC)
// <version> is a hash of the source bytes and the ladder, so every URL names bytes that
// never change: the route serves them as immutable.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const HLS_URL_PREFIX = "/media/hls/";

/** One rendition: its height, and the peak video bitrate it may use (kbit/s), declared as BANDWIDTH. */
export type Rung = { name: string; height: number; maxKbps: number };

/**
 * What the stand-ins' 240-line source allows: 240p, 180p and 144p. A larger source (an
 * editor's upload) gets the rungs up to its own height, at least three (see ladderFor).
 */
export const LADDER: Rung[] = [
  { name: "1080p", height: 1080, maxKbps: 5000 },
  { name: "720p", height: 720, maxKbps: 2800 },
  { name: "480p", height: 480, maxKbps: 1400 },
  { name: "360p", height: 360, maxKbps: 900 },
  { name: "240p", height: 240, maxKbps: 600 },
  { name: "180p", height: 180, maxKbps: 300 },
  { name: "144p", height: 144, maxKbps: 150 },
];

/** Rungs no taller than the source (never upscale), tallest first; at least the three smallest. */
export function ladderFor(sourceHeight: number): Rung[] {
  const fits = LADDER.filter((r) => r.height <= sourceHeight);
  return fits.length >= 3 ? fits : LADDER.slice(-3);
}

export const SEGMENT_SECONDS = 2;
export const AUDIO_KBPS = 16;

/** Content types of everything the HLS route serves (fMP4 segments are video/mp4). */
export const HLS_TYPES = {
  m3u8: "application/vnd.apple.mpegurl",
  mp4: "video/mp4",
  m4s: "video/mp4",
} as const;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;
const VERSION = /^[0-9a-f]{12}$/;
const RUNG = /^[0-9]{3,4}p$/;
const IN_RUNG = /^(?:index\.m3u8|init_[0-9]{1,2}\.mp4|seg-[0-9]{3,5}\.m4s)$/;

/**
 * Parses the path after /media/hls/: `<slug>/<version>/master.m3u8` or
 * `<slug>/<version>/<rung>/<file>`. Null for anything else (no dots, no traversal).
 */
export function parseHlsPath(parts: readonly string[]): { rel: string; type: string } | null {
  if (parts.length < 3 || parts.length > 4) return null;
  if (parts.some((p) => p.length > 80)) return null;
  const [slug, version, a, b] = parts as [string, string, string, string | undefined];
  if (!SLUG.test(slug) || !VERSION.test(version)) return null;
  if (b === undefined) {
    if (a !== "master.m3u8") return null;
  } else if (!RUNG.test(a) || !IN_RUNG.test(b)) return null;
  const ext = (b ?? a).split(".").pop() as keyof typeof HLS_TYPES;
  return { rel: parts.join("/"), type: HLS_TYPES[ext] };
}

export function hlsRoot(): string {
  return path.join(process.cwd(), "media", "hls");
}

/** The absolute path of an HLS file from its URL parts, or null when not allowed. */
export function hlsFilePath(parts: readonly string[]): { file: string; type: string } | null {
  const parsed = parseHlsPath(parts);
  if (!parsed) return null;
  const root = hlsRoot();
  const file = path.join(root, ...parts);
  return file.startsWith(root + path.sep) ? { file, type: parsed.type } : null;
}

/** The version folder name: a hash of the source bytes and the ladder (so a new ladder makes new URLs). */
export function hlsVersion(sourceBytes: Uint8Array, rungs: Rung[]): string {
  return crypto
    .createHash("sha256")
    .update(sourceBytes)
    .update(JSON.stringify({ rungs, seg: SEGMENT_SECONDS, audio: AUDIO_KBPS }))
    .digest("hex")
    .slice(0, 12);
}

/** The master playlist URL of a film's HLS stream when one is on disk, else null. */
export function hlsUrlIfPresent(slug: string): string | null {
  if (!SLUG.test(slug)) return null;
  let entries: string[];
  try {
    entries = fs.readdirSync(/*turbopackIgnore: true*/ path.join(hlsRoot(), slug));
  } catch {
    return null;
  }
  const version = entries.filter((e) => VERSION.test(e)).sort()[0];
  if (!version) return null;
  return fs.existsSync(/*turbopackIgnore: true*/ path.join(hlsRoot(), slug, version, "master.m3u8")) ? `${HLS_URL_PREFIX}${slug}/${version}/master.m3u8` : null;
}

/**
 * ffmpeg arguments that make every rung of `rungs` from `input` into `outDir` (which must
 * exist): H.264 Main + AAC mono in 2-second fMP4 segments, keyframes aligned across
 * rungs, peak rate capped per rung (the master playlist's BANDWIDTH). `-progress pipe:1`
 * reports progress on stdout (see parseProgress).
 */
export function hlsArgs(input: string, outDir: string, rungs: Rung[], opts: { fps?: number; preset?: string } = {}): string[] {
  const fps = opts.fps ?? 24;
  const gop = String(fps * SEGMENT_SECONDS);
  const n = rungs.length;
  const split = `[0:v]split=${n}${rungs.map((_, i) => `[s${i}]`).join("")};` + rungs.map((r, i) => `[s${i}]scale=-2:${r.height}[v${i}]`).join(";") + `;[0:a]asplit=${n}${rungs.map((_, i) => `[a${i}]`).join("")}`;
  const maps = rungs.flatMap((_, i) => ["-map", `[v${i}]`, "-map", `[a${i}]`]);
  const caps = rungs.flatMap((r, i) => [`-maxrate:v:${i}`, `${r.maxKbps}k`, `-bufsize:v:${i}`, `${r.maxKbps * 2}k`]);
  for (const r of rungs) fs.mkdirSync(path.join(outDir, r.name), { recursive: true });
  return [
    "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-progress", "pipe:1", "-nostats",
    "-i", input,
    "-filter_complex", split,
    ...maps,
    "-c:v", "libx264", "-profile:v", "main", "-preset", opts.preset ?? "veryslow", "-crf", "32",
    "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-pix_fmt", "yuv420p",
    ...caps,
    "-c:a", "aac", "-b:a", `${AUDIO_KBPS}k`, "-ac", "1",
    "-f", "hls", "-hls_time", String(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
    "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
    "-hls_segment_filename", path.join(outDir, "%v", "seg-%03d.m4s"),
    "-master_pl_name", "master.m3u8",
    "-var_stream_map", rungs.map((r, i) => `v:${i},a:${i},name:${r.name}`).join(" "),
    "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", "-threads", "1",
    path.join(outDir, "%v", "index.m3u8"),
  ];
}

/**
 * Reads ffmpeg's `-progress` output (key=value lines) and returns the share done, 0..1,
 * from the last out_time_us (or out_time_ms, which ffmpeg also gives in microseconds)
 * against the source duration; 1 once it says progress=end. Null when nothing is known yet.
 */
export function parseProgress(chunk: string, durationSeconds: number): number | null {
  let done: number | null = null;
  for (const line of chunk.split(/\r?\n/)) {
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === "progress" && value === "end") return 1;
    if ((key === "out_time_us" || key === "out_time_ms") && /^[0-9]+$/.test(value) && durationSeconds > 0) {
      done = Math.min(1, Number(value) / 1e6 / durationSeconds);
    }
  }
  return done;
}
