// npm run media — makes the stand-in trailers in media/trailers/: for every film in the
// seed catalog an 8-second clip of colour bars in the film's poster palette, its title,
// a running clock and a progress line, with a tone that pips once a second at a pitch
// picked from the slug. Two files per film:
//   <slug>.webm  VP9 + Opus   (Chrome, Edge, Firefox, current Safari)
//   <slug>.mp4   H.264 + AAC  (every Safari and iOS version, older TVs; fallback source)
// From the MP4 it then makes, per film: the HLS ladder in media/hls/<slug>/<version>/
// (lib/media/hls.ts), a poster frame media/posters/<slug>.jpg, and English and Spanish
// caption tracks media/captions/<slug>.<lang>.vtt describing what the clip shows and sounds like.
// The output is bit-exact for the same ffmpeg build, so regenerating changes nothing in git.
//
// Needs ffmpeg with libvpx, libopus and libx264 (Debian's has them):
//   apt-get install -y ffmpeg      (or FFMPEG=/path/to/ffmpeg npm run media)
// Usage: npm run media [-- --force] [-- slug ...]   (without --force, existing files are kept)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { catalog } from "../prisma/seed/catalog";
import { hashOf, paletteFor } from "../lib/poster";
import { TRAILER_SECONDS, trailerFileName } from "../lib/media/files";
import { hlsArgs, hlsVersion, ladderFor } from "../lib/media/hls";
import { captionFileName, posterFileName } from "../lib/media/captions";
import { validateWebVtt } from "../lib/media/webvtt";

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "media", "trailers");
const hlsDir = path.join(root, "media", "hls");
const captionDir = path.join(root, "media", "captions");
const posterDir = path.join(root, "media", "posters");
const W = 426;
const H = 240;
const FPS = 24;
const D = TRAILER_SECONDS;
const ffmpeg = process.env.FFMPEG || "ffmpeg";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function checkFfmpeg() {
  const r = spawnSync(ffmpeg, ["-hide_banner", "-encoders"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    fail(`ffmpeg not found (${ffmpeg}). Install it with: apt-get install -y ffmpeg   (or set FFMPEG=/path/to/ffmpeg)`);
  }
  const missing = ["libvpx-vp9", "libopus", "libx264", " aac "].filter((e) => !r.stdout.includes(e));
  if (missing.length) fail(`This ffmpeg lacks encoders: ${missing.join(", ")}. Debian's ffmpeg package has them all.`);
}

/** A bold sans font for the titles; without one the clips are made without text. */
function findFont(): string | null {
  const r = spawnSync("fc-match", ["-f", "%{file}", "DejaVu Sans:bold"], { encoding: "utf8" });
  const candidates = [r.status === 0 ? r.stdout.trim() : "", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"];
  return candidates.find((f) => f && /\.(ttf|otf)$/i.test(f) && fs.existsSync(f)) ?? null;
}

function hex(c: string): string {
  return `0x${c.replace("#", "")}`;
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) =>
      Math.round(v + (pb[i]! - v) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** Seven bars from the poster palette: light ink through the accent to the deep background. */
function barColours(slug: string): string[] {
  const p = paletteFor(slug);
  return [p.ink, mix(p.ink, p.accent, 0.5), p.accent, mix(p.accent, p.from, 0.5), p.from, mix(p.from, p.to, 0.5), mix(p.accent, p.to, 0.75)];
}

/** A pentatonic pitch between A3 and F#5 picked from the slug. */
function pitch(slug: string): number {
  const steps = [0, 2, 4, 7, 9, 12, 14, 16, 19, 21];
  return Math.round(220 * 2 ** (steps[hashOf(`${slug}:tone`) % steps.length]! / 12) * 100) / 100;
}

function filterEscape(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/:/g, "\\:");
}

// Layout (426 x 240): a dark band on top with the title, the year and a running clock, a
// progress line under it, then the bars, which the browser's own controls may cover.
function graph(slug: string, title: string, year: number, font: string | null, tmp: string): string {
  const p = paletteFor(slug);
  const bars = barColours(slug);
  const band = 72;
  const parts = [`color=c=${hex(p.to)}:s=${W}x${H}:r=${FPS}:d=${D}`];
  bars.forEach((c, i) => {
    const x0 = Math.round((i * W) / bars.length);
    const x1 = Math.round(((i + 1) * W) / bars.length);
    parts.push(`drawbox=x=${x0}:y=${band + 4}:w=${x1 - x0}:h=${H - band - 4}:c=${hex(c)}:t=fill`);
  });
  parts.push(`drawbox=x=0:y=${band}:w=${W}:h=4:c=${hex(p.from)}:t=fill`);
  let chain = `${parts.join(",")}[base];color=c=${hex(p.accent)}:s=${W}x4:r=${FPS}:d=${D}[line];[base][line]overlay=x='-w+W*t/${D}':y=${band}:shortest=1`;
  if (font) {
    const titleFile = path.join(tmp, `${slug}.title.txt`);
    const metaFile = path.join(tmp, `${slug}.meta.txt`);
    const clockFile = path.join(tmp, `${slug}.clock.txt`);
    fs.writeFileSync(titleFile, title);
    fs.writeFileSync(metaFile, `${year} · Marquee preview`);
    fs.writeFileSync(clockFile, `0:%{eif:trunc(t):d:2} / 0:${String(D).padStart(2, "0")}`);
    const size = Math.max(12, Math.min(22, Math.floor((W - 32) / (title.length * 0.68))));
    const f = filterEscape(font);
    chain +=
      `,drawtext=fontfile='${f}':textfile='${filterEscape(titleFile)}':x=16:y=${14 + Math.round((22 - size) / 2)}:fontsize=${size}:fontcolor=${hex(p.ink)}` +
      `,drawtext=fontfile='${f}':textfile='${filterEscape(metaFile)}':x=16:y=46:fontsize=13:fontcolor=${hex(p.ink)}@0.8` +
      `,drawtext=fontfile='${f}':textfile='${filterEscape(clockFile)}':x=w-tw-16:y=46:fontsize=13:fontcolor=${hex(p.accent)}`;
  }
  return `${chain},format=yuv420p[v]`;
}

function tone(slug: string, frameSize: number): string {
  // Frames of the encoder's own size (Opus 960, AAC 1024 samples).
  // A 0.2 s pip every second under a half-sine envelope (no clicks), about -14 dBFS.
  const f = pitch(slug);
  return `aevalsrc=exprs='0.2*sin(2*PI*${f}*t)*if(lt(mod(t\\,1)\\,0.2)\\,sin(PI*mod(t\\,1)/0.2)\\,0)':s=48000:n=${frameSize}:d=${D},aformat=channel_layouts=mono[a]`;
}

const exact = ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", "-threads", "1"];
const encoders = {
  webm: ["-c:v", "libvpx-vp9", "-crf", "40", "-b:v", "0", "-g", String(FPS * 2), "-row-mt", "0", "-c:a", "libopus", "-b:a", "16k", "-f", "webm"],
  mp4: [
    "-c:v",
    "libx264",
    "-profile:v",
    "main",
    "-level",
    "3.0",
    "-preset",
    "veryslow",
    "-crf",
    "32",
    "-g",
    String(FPS * 2),
    "-c:a",
    "aac",
    "-b:a",
    "24k",
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
  ],
} as const;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err.slice(-2000)}`))));
  });
}

async function make(film: (typeof catalog)[number], font: string | null, tmp: string, force: boolean): Promise<string[]> {
  const made: string[] = [];
  for (const ext of ["webm", "mp4"] as const) {
    const out = path.join(outDir, trailerFileName(film.slug, ext));
    if (!force && fs.existsSync(out)) continue;
    const part = path.join(tmp, `${film.slug}.${ext}`);
    const filter = `${graph(film.slug, film.title, film.year, font, tmp)};${tone(film.slug, ext === "webm" ? 960 : 1024)}`;
    await run(["-hide_banner", "-nostdin", "-y", "-filter_complex", filter, "-map", "[v]", "-map", "[a]", "-t", String(D), ...encoders[ext], ...exact, part]);
    fs.copyFileSync(part, out);
    made.push(path.relative(root, out));
  }
  return made;
}

/** mm:ss.ttt for a cue time. */
function cueTime(s: number): string {
  return `00:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000`;
}

/**
 * Caption tracks for a stand-in: what it shows (the title card, the year, the clock) and
 * what it sounds like (a short tone once a second), in English and in Spanish.
 */
export function standInCaptions(title: string, year: number): Record<"en" | "es", string> {
  const half = D / 2;
  const cues = {
    en: [
      [0, 2, "[A short tone pips once a second]"],
      [2, half, `${title} (${year}): a Marquee preview`],
      [half, D - 2, "[The pips go on, one every second, as the clock counts up]"],
      [D - 2, D, "[Last pips. The preview ends.]"],
    ],
    es: [
      [0, 2, "[Un tono corto suena una vez por segundo]"],
      [2, half, `${title} (${year}): un avance de Marquee`],
      [half, D - 2, "[Los tonos siguen, uno por segundo, mientras avanza el reloj]"],
      [D - 2, D, "[Últimos tonos. Termina el avance.]"],
    ],
  } as const;
  const out = {} as Record<"en" | "es", string>;
  for (const lang of ["en", "es"] as const) {
    const body = cues[lang].map(([a, b, text], i) => `${i + 1}\n${cueTime(a)} --> ${cueTime(b)}\n${text}\n`).join("\n");
    out[lang] = `WEBVTT\n\nNOTE Made by npm run media for the stand-in trailer.\n\n${body}`;
  }
  return out;
}

function writeIfChanged(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

/** Captions (.vtt), a poster frame (.jpg, 2 s in) and the HLS ladder, all made from the MP4. */
async function makeExtras(film: (typeof catalog)[number], tmp: string, force: boolean): Promise<string[]> {
  const made: string[] = [];
  const tracks = standInCaptions(film.title, film.year);
  for (const lang of ["en", "es"] as const) {
    const check = validateWebVtt(tracks[lang]);
    if (!check.ok) fail(`generated captions for ${film.slug} (${lang}) are not valid WebVTT: ${check.message}`);
    const file = path.join(captionDir, captionFileName(film.slug, lang));
    if (writeIfChanged(file, tracks[lang])) made.push(path.relative(root, file));
  }
  const source = path.join(outDir, trailerFileName(film.slug, "mp4"));
  const poster = path.join(posterDir, posterFileName(film.slug));
  if (force || !fs.existsSync(poster)) {
    const part = path.join(tmp, `${film.slug}.poster.jpg`);
    await run(["-hide_banner", "-nostdin", "-y", "-ss", "2", "-i", source, "-frames:v", "1", "-q:v", "6", ...exact, part]);
    fs.copyFileSync(part, poster);
    made.push(path.relative(root, poster));
  }
  const rungs = ladderFor(H);
  const version = hlsVersion(fs.readFileSync(source), rungs);
  const filmDir = path.join(hlsDir, film.slug);
  const target = path.join(filmDir, version);
  if (force || !fs.existsSync(path.join(target, "master.m3u8"))) {
    const part = path.join(tmp, `${film.slug}.hls`);
    fs.rmSync(part, { recursive: true, force: true });
    fs.mkdirSync(part, { recursive: true });
    await run(hlsArgs(source, part, rungs, { fps: FPS }));
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(filmDir, { recursive: true });
    fs.cpSync(part, target, { recursive: true });
    made.push(`${path.relative(root, target)}/ (${rungs.map((r) => r.name).join(", ")})`);
  }
  // Older versions of this film's stream are no longer referenced.
  for (const old of fs.readdirSync(filmDir).filter((d) => d !== version)) fs.rmSync(path.join(filmDir, old), { recursive: true, force: true });
  return made;
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const only = args.filter((a) => !a.startsWith("--"));
  const films = only.length ? catalog.filter((f) => only.includes(f.slug)) : catalog;
  if (only.length && films.length !== only.length) fail(`Unknown slug(s): ${only.filter((s) => !catalog.some((f) => f.slug === s)).join(", ")}`);
  checkFfmpeg();
  const font = findFont();
  if (!font) console.warn("No DejaVu Sans Bold font found (apt-get install -y fonts-dejavu-core): making clips without text.");
  for (const d of [outDir, hlsDir, captionDir, posterDir]) fs.mkdirSync(d, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-media-"));
  try {
    const queue = [...films];
    const workers = Array.from({ length: Math.max(1, Math.min(os.cpus().length, 4)) }, async () => {
      for (let film = queue.shift(); film; film = queue.shift()) {
        for (const f of await make(film, font, tmp, force)) console.log(`wrote ${f}`);
        for (const f of await makeExtras(film, tmp, force)) console.log(`wrote ${f}`);
      }
    });
    await Promise.all(workers);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const known = new Set(catalog.flatMap((f) => (["webm", "mp4"] as const).map((e) => trailerFileName(f.slug, e))));
  const files = fs.readdirSync(outDir).filter((f) => /\.(webm|mp4)$/.test(f));
  for (const f of files.filter((f) => !known.has(f))) console.warn(`not in the catalog (delete it?): media/trailers/${f}`);
  const total = files.reduce((a, f) => a + fs.statSync(path.join(outDir, f)).size, 0);
  console.log(`media/trailers: ${files.length} files, ${(total / 1024 / 1024).toFixed(2)} MiB`);
  const du = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .reduce((a, e) => a + (e.isDirectory() ? du(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
  for (const d of [hlsDir, captionDir, posterDir]) console.log(`${path.relative(root, d)}: ${(du(d) / 1024 / 1024).toFixed(2)} MiB`);
}

if (require.main === module) main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
