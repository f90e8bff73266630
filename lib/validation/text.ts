import { z } from "zod";

// User text: trimmed, control characters removed (newlines and tabs kept), line endings
// normalised, and measured in user-perceived characters (graphemes), so an emoji or an
// accented letter counts once.

// Hostile input is normal input: every text is cut or refused by its raw length (in
// UTF-16 code units, O(1) to read) before any regex, normalisation, grapheme count or
// database call, so no value costs more than a few milliseconds whatever its size.

/** NUL and lone (unpaired) surrogates: PostgreSQL and UTF-8 cannot carry them. */
export function hasUnsafeCodeUnits(s: string): boolean {
  return /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** Unpaired surrogates only (free text drops NUL with the other control characters in cleanText). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** Lone surrogates replaced by U+FFFD and NUL removed (for lenient page parameters). */
export function toWellFormed(s: string): string {
  return s.replace(/\u0000/g, "").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * Refuses a string longer than `max` code units before the schema sees it (reading
 * .length is O(1); zod's own .max() walks the string counting code points), so no
 * check, trim or regex ever runs over a huge value. Non-strings pass through for the
 * schema to refuse.
 */
export function capped<T extends z.ZodType>(max: number, schema: T, message = `At most ${max} characters.`) {
  return z.preprocess((v, ctx) => {
    if (typeof v === "string" && v.length > max) {
      ctx.issues.push({ code: "too_big", origin: "string", maximum: max, inclusive: true, input: v.slice(0, 20), message });
      return z.NEVER;
    }
    return v;
  }, schema);
}

/** A text field of a FormData, cut to `max` code units ("" when missing or a file). */
export { formText } from "./params";

export { graphemeLength } from "./graphemes";

export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
