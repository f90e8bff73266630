// Where the trailers live on disk and how their names map to URLs. Used by the media
// route, the watch page, the seed and scripts/make-media.ts (Node only, no database).
import fs from "node:fs";
import path from "node:path";

/** Length of the generated stand-in trailers (scripts/make-media.ts). */
export const TRAILER_SECONDS = 8;

/** URL prefix the media route answers on (app/media/trailers/[file]/route.ts). */
export const TRAILER_URL_PREFIX = "/media/trailers/";

export const MEDIA_TYPES = { webm: "video/webm", mp4: "video/mp4" } as const;
export type MediaExt = keyof typeof MEDIA_TYPES;

/** One <source> of a <video>. */
export type TrailerSource = { src: string; type: string };

/** Only plain names: lower-case letters, digits and hyphens, then .webm or .mp4. */
const MEDIA_NAME = /^[a-z0-9-]+\.(webm|mp4)$/;

/**
 * The folder of trailer files: media/trailers under the project root (the server's working
 * directory). Read at run time, not bundled: the fs calls on these paths carry
 * turbopackIgnore so the build does not trace the whole project because of them.
 */
export function trailerDir(): string {
  return path.join(process.cwd(), "media", "trailers");
}

export function trailerFileName(slug: string, ext: MediaExt): string {
  return `${slug}.${ext}`;
}

/** Parses a requested file name; null for anything that is not a plain trailer name. */
export function parseMediaName(name: string): { name: string; ext: MediaExt; type: string } | null {
  const m = MEDIA_NAME.exec(name);
  if (!m || name.length > 120) return null;
  const ext = m[1] as MediaExt;
  return { name, ext, type: MEDIA_TYPES[ext] };
}

/** The absolute path of a trailer file, or null when the name is not allowed. */
export function trailerFilePath(name: string): string | null {
  const parsed = parseMediaName(name);
  if (!parsed) return null;
  const dir = trailerDir();
  const full = path.join(dir, parsed.name);
  // The pattern already excludes separators and dots; this is a second lock on the door.
  return path.dirname(full) === dir ? full : null;
}

/** For the seed: the trailer URL when its WebM file exists on disk, else null. */
export function trailerPathIfPresent(slug: string): string | null {
  const name = trailerFileName(slug, "webm");
  const file = trailerFilePath(name);
  return file && fs.existsSync(/*turbopackIgnore: true*/ file) ? `${TRAILER_URL_PREFIX}${name}` : null;
}
