// Counting user-perceived characters (graphemes), without zod: the browser's live counters
// use it too. Callers cut a text by its raw length before counting (see ./text.ts).
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n += 1;
  return n;
}
