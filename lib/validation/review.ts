import { z } from "zod";
import { capped, cleanText, graphemeLength, hasLoneSurrogate } from "./text";

import { REPORT_NOTE_MAX, REPORT_REASONS, REVIEW_MAX } from "./review-rules";
export { REPORT_NOTE_MAX, REPORT_REASONS, REPORT_REASON_LABELS, REVIEW_MAX } from "./review-rules";
/**
 * The longest raw review body looked at, in code units: 500 user-perceived characters
 * with generous room for accents, emoji and line endings. Anything longer is refused
 * before it is cleaned or counted (Intl.Segmenter over 300,000 characters took 81 s).
 */
export const REVIEW_BODY_RAW_MAX = 4000;

const id = capped(
  64,
  z
    .string()
    .max(64, { error: "Unknown item.", abort: true })
    .regex(/^\s*[A-Za-z0-9_-]+\s*$/, "Unknown item.")
    .trim(),
  "Unknown item.",
);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const reviewBodySchema = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  capped(
    REVIEW_BODY_RAW_MAX,
    z
      .string()
      .max(REVIEW_BODY_RAW_MAX, { error: `Your review is far longer than ${REVIEW_MAX} characters. Please shorten it.`, abort: true })
      .refine((s) => !hasLoneSurrogate(s), "Your review contains characters we can’t store. Please retype it.")
      .transform(cleanText)
      .superRefine((s, ctx) => {
        const n = graphemeLength(s);
        if (n > REVIEW_MAX) ctx.addIssue({ code: "custom", message: `Your review is ${n} characters long. Please keep it to ${REVIEW_MAX}.` });
        else if (s.length > 2000) ctx.addIssue({ code: "custom", message: "Your review has too many special characters. Please shorten it." });
      })
      .transform((s) => (s.length === 0 ? null : s)),
    `Your review is far longer than ${REVIEW_MAX} characters. Please shorten it.`,
  ),
);

export const reviewInputSchema = z.object({
  filmId: id,
  rating: z.coerce
    .number({ error: "Choose a rating from 1 to 5 stars." })
    .int("Choose a rating from 1 to 5 stars.")
    .min(1, "Choose a rating from 1 to 5 stars.")
    .max(5, "Choose a rating from 1 to 5 stars."),
  body: reviewBodySchema,
  anonymous: checkbox,
  spoiler: checkbox,
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const reviewIdSchema = z.object({ reviewId: id });

export const voteInputSchema = z.object({
  reviewId: id,
  /** null withdraws the vote */
  value: z.enum(["YES", "NO"]).nullable(),
});

export const reportInputSchema = z.object({
  reviewId: id,
  reason: z.enum(REPORT_REASONS, { error: "Choose why you are reporting this review." }),
  note: z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    capped(
      REPORT_NOTE_MAX * 4,
      z
        .string()
        .max(REPORT_NOTE_MAX * 4, { error: `Keep the note to ${REPORT_NOTE_MAX} characters.`, abort: true })
        .refine((s) => !hasLoneSurrogate(s), "The note contains characters we can’t store.")
        .transform(cleanText)
        .pipe(z.string().max(REPORT_NOTE_MAX, `Keep the note to ${REPORT_NOTE_MAX} characters.`))
        .transform((s) => s || null),
      `Keep the note to ${REPORT_NOTE_MAX} characters.`,
    ),
  ),
});

export const moderationInputSchema = z.object({
  reviewId: id,
  decision: z.enum(["hide", "restore", "dismiss"]),
});
