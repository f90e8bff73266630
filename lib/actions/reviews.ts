"use server";
import { env } from "../env";
import { runMutation } from "./run";
import { WRITE_SCOPES } from "./scopes";
import { deleteReview, moderateReview, reportReview, saveReview, voteOnReview } from "../data/review-writes";
import type { Result } from "../result";

export type ReviewFormState = (Result<{ reviewId: string; filmSlug: string; created: boolean }> & { values?: Record<string, string> }) | null;

/** The review form (useActionState): on any error the typed values come back with it. */
export async function saveReviewAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const input = {
    filmId: form.get("filmId"),
    rating: form.get("rating"),
    body: form.get("body") ?? "",
    anonymous: form.get("anonymous"),
    spoiler: form.get("spoiler"),
  };
  const result = await runMutation((actor) => saveReview(actor, input), { scope: WRITE_SCOPES.saveReview, route: "saveReview" });
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
  return runMutation((actor) => deleteReview(actor, { reviewId }), { scope: WRITE_SCOPES.deleteReview, route: "deleteReview" });
}

export async function voteAction(reviewId: string, value: "YES" | "NO" | null) {
  return runMutation((actor) => voteOnReview(actor, { reviewId, value }), { scope: WRITE_SCOPES.vote, route: "voteOnReview" });
}

export async function reportAction(reviewId: string, reason: string, note: string) {
  return runMutation<{ filmSlug: string; hidden: boolean }>((actor) => reportReview(actor, { reviewId, reason, note }, env().REPORT_HIDE_THRESHOLD), { scope: WRITE_SCOPES.report, route: "reportReview" });
}

export async function moderateAction(reviewId: string, decision: "hide" | "restore" | "dismiss") {
  return runMutation((actor) => moderateReview(actor, { reviewId, decision }), { scope: WRITE_SCOPES.moderate, route: "moderateReview" });
}
