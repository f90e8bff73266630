import "server-only";
// Stores an uploaded poster (checked by content, resized to the page sizes as WebP with
// sharp) or trailer (checked by content, stored as is) under UPLOAD_DIR.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type SharpFn from "sharp";
import { POSTER_MAX_BYTES, POSTER_WIDTHS, TRAILER_MAX_BYTES, uploadDir, type UploadKind } from "./paths";
import { sniffImage, sniffVideo } from "./sniff";

export type Stored = { ok: true; path: string } | { ok: false; message: string };

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function stem(): string {
  return randomBytes(12).toString("hex");
}

async function dirFor(kind: UploadKind): Promise<string> {
  const dir = path.join(uploadDir(), kind);
  await fs.promises.mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  return dir;
}

type Sharp = typeof SharpFn;
let sharpModule: Promise<Sharp | null> | null = null;
/** sharp comes with Next (an optional dependency); without it posters are stored as uploaded. */
function loadSharp(): Promise<Sharp | null> {
  sharpModule ??= import("sharp").then((m) => (m as unknown as { default?: Sharp }).default ?? (m as unknown as Sharp)).catch(() => null);
  return sharpModule;
}

export async function storePoster(bytes: Uint8Array): Promise<Stored> {
  if (bytes.byteLength > POSTER_MAX_BYTES) return { ok: false, message: `The poster is larger than ${mb(POSTER_MAX_BYTES)}.` };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, message: "The poster must be a PNG, JPEG or WebP image." };
  const dir = await dirFor("posters");
  const name = stem();
  const sharp = await loadSharp();
  if (!sharp) {
    await fs.promises.writeFile(/*turbopackIgnore: true*/ path.join(dir, `${name}.${type}`), bytes);
    return { ok: true, path: `/uploads/posters/${name}.${type}` };
  }
  try {
    const meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.width || !meta.height) return { ok: false, message: "The poster image could not be read." };
    for (const w of POSTER_WIDTHS) {
      await sharp(bytes, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: w, height: Math.round((w * 3) / 2), fit: "cover", withoutEnlargement: false })
        .webp({ quality: 80 })
        .toFile(path.join(dir, `${name}-${w}.webp`));
    }
  } catch {
    return { ok: false, message: "The poster image could not be read." };
  }
  return { ok: true, path: `/uploads/posters/${name}` };
}

export async function storeTrailer(bytes: Uint8Array): Promise<Stored> {
  if (bytes.byteLength > TRAILER_MAX_BYTES) return { ok: false, message: `The trailer is larger than ${mb(TRAILER_MAX_BYTES)}.` };
  const type = sniffVideo(bytes);
  if (!type) return { ok: false, message: "The trailer must be an MP4 or WebM video." };
  const dir = await dirFor("trailers");
  const name = `${stem()}.${type}`;
  await fs.promises.writeFile(/*turbopackIgnore: true*/ path.join(dir, name), bytes);
  return { ok: true, path: `/uploads/trailers/${name}` };
}
