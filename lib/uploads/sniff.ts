// What a file is, from its first bytes (never from its name or the browser's claim).

export type ImageType = "png" | "jpg" | "webp";
export type VideoType = "mp4" | "webm";

const starts = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, s: string) =>
  starts(
    b,
    [...s].map((c) => c.charCodeAt(0)),
    at,
  );

export function sniffImage(b: Uint8Array): ImageType | null {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "jpg";
  if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "webp";
  return null;
}

export function sniffVideo(b: Uint8Array): VideoType | null {
  // ISO base media: a box of type "ftyp" first, with an MP4-family brand.
  if (ascii(b, 4, "ftyp")) {
    const brand = String.fromCharCode(...b.slice(8, 12));
    if (/^(isom|iso[2-9]|mp41|mp42|avc1|dash|M4V |mmp4|MSNV)$/.test(brand)) return "mp4";
    return null;
  }
  // EBML header whose DocType is "webm" (within the header's first bytes).
  if (starts(b, [0x1a, 0x45, 0xdf, 0xa3])) {
    const head = String.fromCharCode(...b.slice(0, 64));
    return head.includes("webm") ? "webm" : null;
  }
  return null;
}
