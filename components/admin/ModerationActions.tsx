"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moderateAction } from "@/lib/actions/reviews";
import { moderateReplyAction } from "@/lib/actions/replies";

/** `kind="reply"`: reviewId is a publisher reply's id. */
export function ModerationActions({ reviewId, status, hasOpenReports, label, kind = "review" }: { reviewId: string; status: "VISIBLE" | "FLAGGED" | "HIDDEN"; hasOpenReports: boolean; label: string; kind?: "review" | "reply" }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const act = (decision: "hide" | "restore" | "dismiss") =>
    start(async () => {
      const res = kind === "reply" ? await moderateReplyAction(reviewId, decision) : await moderateAction(reviewId, decision);
      setMessage(res.message ?? null);
      if (res.ok) router.refresh();
    });
  const btn = "rounded-lg border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface disabled:opacity-50";
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Decide on ${label}`}>
      {status !== "HIDDEN" && (
        <button type="button" disabled={pending} onClick={() => act("hide")} className={btn}>
          Hide
        </button>
      )}
      {status !== "VISIBLE" && (
        <button type="button" disabled={pending} onClick={() => act("restore")} className={btn}>
          Restore
        </button>
      )}
      {status === "VISIBLE" && hasOpenReports && (
        <button type="button" disabled={pending} onClick={() => act("dismiss")} className={btn}>
          Dismiss
        </button>
      )}
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
