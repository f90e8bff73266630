import "server-only";
import fs from "node:fs";
import { MEDIA_TYPES, TRAILER_URL_PREFIX, parseMediaName, trailerFilePath, type MediaExt, type TrailerSource } from "./files";

export type { TrailerSource };

/** Preferred first: WebM (VP9/Opus, royalty-free, small), then MP4 (H.264/AAC) for Safari versions without WebM. */
const ORDER: MediaExt[] = ["webm", "mp4"];

async function exists(file: string | null): Promise<boolean> {
  if (!file) return false;
  try {
    return (await fs.promises.stat(/*turbopackIgnore: true*/ file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The <source> list for a film's trailerPath: for our own files (/media/trailers/<slug>.webm)
 * every format of that trailer present on disk, WebM first; an address elsewhere as it is.
 */
export async function trailerSources(trailerPath: string | null): Promise<TrailerSource[]> {
  if (!trailerPath) return [];
  if (!trailerPath.startsWith(TRAILER_URL_PREFIX)) {
    const ext = /\.(webm|mp4)(?:[?#]|$)/i.exec(trailerPath)?.[1]?.toLowerCase() as MediaExt | undefined;
    return [{ src: trailerPath, type: ext ? MEDIA_TYPES[ext] : "video/mp4" }];
  }
  const parsed = parseMediaName(trailerPath.slice(TRAILER_URL_PREFIX.length));
  if (!parsed) return [];
  const base = parsed.name.slice(0, -(parsed.ext.length + 1));
  const found = await Promise.all(
    ORDER.map(async (ext): Promise<TrailerSource | null> => {
      const name = `${base}.${ext}`;
      return (await exists(trailerFilePath(name))) ? { src: `${TRAILER_URL_PREFIX}${name}`, type: MEDIA_TYPES[ext] } : null;
    }),
  );
  return found.filter((s): s is TrailerSource => s !== null);
}

/** The adaptive stream and the poster frame of a film, when they are on disk. */
export async function streamExtras(slug: string): Promise<{ hls: string | null; poster: string | null }> {
  const { hlsUrlIfPresent } = await import("./hls");
  const { posterFileName } = await import("./captions");
  const path = await import("node:path");
  const poster = (await exists(path.join(process.cwd(), "media", "posters", posterFileName(slug)))) ? `/media/posters/${posterFileName(slug)}` : null;
  return { hls: hlsUrlIfPresent(slug), poster };
}
