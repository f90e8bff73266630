"use server";
import { env } from "../env";
import { runMutation } from "./run";
import { deleteReply, moderateReply, reportReply, saveReply } from "../data/replies";

export async function saveReplyAction(reviewId: string, body: string) {
  return runMutation((actor) => saveReply(actor, { reviewId, body: typeof body === "string" ? body.slice(0, 8000) : body }), { limit: "editor" });
}

export async function deleteReplyAction(reviewId: string) {
  return runMutation((actor) => deleteReply(actor, { reviewId }), { limit: "editor" });
}

export async function reportReplyAction(replyId: string, reason: string, note: string) {
  return runMutation((actor) => reportReply(actor, { replyId, reason, note }, env().REPORT_HIDE_THRESHOLD), { limit: "report" });
}

export async function moderateReplyAction(replyId: string, decision: "hide" | "restore" | "dismiss") {
  return runMutation((actor) => moderateReply(actor, { replyId, decision }), { limit: "editor" });
}
