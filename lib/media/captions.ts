// Caption languages and the files npm run media makes for the stand-ins. Pure (no I/O
// beyond the file-name helpers); the tracks themselves live in the database (CaptionTrack),
// written by the seed from media/captions/ and later by the film editor.

/** A BCP 47 tag as we store it: language, optional script and region ("en", "pt-BR", "zh-Hant"). */
export const LANG_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

export function isLangTag(s: unknown): s is string {
  return typeof s === "string" && s.length <= 16 && LANG_TAG.test(s);
}

/** The stand-ins' tracks: English captions and Spanish captions. */
export const STANDIN_LANGS = { en: "English", es: "Español" } as const;

export function captionFileName(slug: string, lang: string): string {
  return `${slug}.${lang}.vtt`;
}

export function posterFileName(slug: string): string {
  return `${slug}.jpg`;
}

/** URL of a track: the version (a hash of its text) makes it immutable. */
export function captionUrl(slug: string, lang: string, version: string): string {
  return `/media/captions/${slug}/${lang}.${version}.vtt`;
}

const CAPTION_FILE = /^([A-Za-z0-9-]{2,16})\.([0-9a-f]{12})\.vtt$/;

/** Parses `<lang>.<version>.vtt`; null for anything else. */
export function parseCaptionFile(name: string): { lang: string; version: string } | null {
  const m = CAPTION_FILE.exec(name);
  if (!m || !isLangTag(m[1])) return null;
  return { lang: m[1], version: m[2]! };
}

/** The version of a track's text: the first 12 hex digits of its SHA-256. */
export async function captionVersion(text: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}
