// User text: trimmed, control characters removed (newlines and tabs kept), line endings
// normalised, and measured in user-perceived characters (graphemes), so an emoji or an
// accented letter counts once.

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n += 1;
  return n;
}

export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
