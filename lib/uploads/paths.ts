// Where uploaded posters and trailers live (UPLOAD_DIR, default .data/uploads) and the
// URLs they are served at (/uploads/<kind>/<file>). Node only, no database.
import path from "node:path";
import { settings } from "../env";

export const UPLOAD_KINDS = ["posters", "trailers"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

/** Widths of the poster sizes the pages use: cards (≈160 px), the film page (200 px), both at 2×. */
export { POSTER_WIDTHS } from "../poster-url";
export const POSTER_MAX_BYTES = 5 * 1024 * 1024;
export const TRAILER_MAX_BYTES = 100 * 1024 * 1024;

export function uploadDir(env: { UPLOAD_DIR?: string; PGLITE_DATA_DIR?: string; [name: string]: unknown } = settings()): string {
  const dir = env.UPLOAD_DIR?.trim();
  if (dir) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
  const dataDir = env.PGLITE_DATA_DIR
    ? path.dirname(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DATA_DIR))
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data");
  return path.join(dataDir, "uploads");
}

/** Stored names: a random stem, then "-<width>.webp" for posters or ".<ext>" otherwise. */
const FILE = /^[a-z0-9-]{8,80}(?:-(?:200|400|800)\.webp|\.(?:png|jpg|webp|mp4|webm))$/;
const BASE = /^[a-z0-9-]{8,80}$/;

export function uploadFilePath(kind: string, name: string): string | null {
  if (!(UPLOAD_KINDS as readonly string[]).includes(kind) || !FILE.test(name)) return null;
  const dir = path.join(uploadDir(), kind);
  const full = path.join(dir, name);
  return path.dirname(full) === dir ? full : null;
}

/**
 * A poster path is the base URL of its sizes (/uploads/posters/<stem>, files <stem>-<w>.webp)
 * or, when images could not be resized, one file (/uploads/posters/<stem>.png).
 * A trailer path is one file (/uploads/trailers/<stem>.mp4).
 */
export function isUploadPath(p: string, kind: UploadKind): boolean {
  const prefix = `/uploads/${kind}/`;
  if (!p.startsWith(prefix)) return false;
  const rest = p.slice(prefix.length);
  if (kind === "posters") return BASE.test(rest) || FILE.test(rest);
  return FILE.test(rest) && /\.(mp4|webm)$/.test(rest);
}

export const CONTENT_TYPES: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg", mp4: "video/mp4", webm: "video/webm" };
