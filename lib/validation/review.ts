import { z } from "zod";
import { cleanText, graphemeLength } from "./text";

import { REPORT_REASONS, REVIEW_MAX } from "./review-rules";
export { REPORT_REASONS, REPORT_REASON_LABELS, REVIEW_MAX } from "./review-rules";

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Unknown item.");
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const reviewBodySchema = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string()
    .transform(cleanText)
    .superRefine((s, ctx) => {
      const n = graphemeLength(s);
      if (n > REVIEW_MAX) ctx.addIssue({ code: "custom", message: `Your review is ${n} characters long. Please keep it to ${REVIEW_MAX}.` });
      else if (s.length > 2000) ctx.addIssue({ code: "custom", message: "Your review has too many special characters. Please shorten it." });
    })
    .transform((s) => (s.length === 0 ? null : s)),
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
    (v) => (typeof v === "string" ? cleanText(v) : ""),
    z
      .string()
      .max(300, "Keep the note to 300 characters.")
      .transform((s) => s || null),
  ),
});

export const moderationInputSchema = z.object({
  reviewId: id,
  decision: z.enum(["hide", "restore", "dismiss"]),
});
