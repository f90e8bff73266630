"use server";
import { env } from "../env";
import { runMutation } from "./run";
import { WRITE_SCOPES } from "./scopes";
import { deleteReview, moderateReview, reportReview, saveReview, voteOnReview } from "../data/review-writes";
import type { Result } from "../result";
import { formText } from "../validation/text";
import { REVIEW_BODY_RAW_MAX } from "../validation/review";

export type ReviewFormState = (Result<{ reviewId: string; filmSlug: string; created: boolean }> & { values?: Record<string, string> }) | null;

/** The review form (useActionState): on any error the typed values come back with it. */
export async function saveReviewAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const input = {
    filmId: formText(form, "filmId", 100),
    rating: formText(form, "rating", 10),
    // Cut by raw length before anything counts characters (lib/validation/text.ts).
    body: formText(form, "body", REVIEW_BODY_RAW_MAX + 1),
    anonymous: formText(form, "anonymous", 10),
    spoiler: formText(form, "spoiler", 10),
  };
  const result = await runMutation((actor) => saveReview(actor, input), { scope: WRITE_SCOPES.saveReview, limit: "review", route: "saveReview" });
  if (result.ok) return result;
  return {
    ...result,
    values: {
      rating: String(input.rating ?? ""),
      body: String(input.body ?? ""),
      anonymous: input.anonymous ? "on" : "",
      spoiler: input.spoiler ? "on" : "",
    },
  };
}

export async function deleteReviewAction(reviewId: string) {
  // Arguments of a server action are whatever the client sent: the schemas check them.
  return runMutation((actor) => deleteReview(actor, { reviewId }), { scope: WRITE_SCOPES.deleteReview, limit: "review", route: "deleteReview" });
}

export async function voteAction(reviewId: string, value: "YES" | "NO" | null) {
  return runMutation((actor) => voteOnReview(actor, { reviewId, value }), { scope: WRITE_SCOPES.vote, limit: "vote", route: "voteOnReview" });
}

export async function reportAction(reviewId: string, reason: string, note: string) {
  return runMutation<{ filmSlug: string; hidden: boolean }>(
    (actor) => reportReview(actor, { reviewId, reason, note }, env().REPORT_HIDE_THRESHOLD, env().REPORT_MIN_ACCOUNT_AGE_HOURS),
    { scope: WRITE_SCOPES.report, limit: "report", route: "reportReview" },
  );
}

export async function moderateAction(reviewId: string, decision: "hide" | "restore" | "dismiss") {
  return runMutation((actor) => moderateReview(actor, { reviewId, decision }), { scope: WRITE_SCOPES.moderate, limit: "moderate", route: "moderateReview" });
}
