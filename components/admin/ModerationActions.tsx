"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moderateAction } from "@/lib/actions/reviews";
import { moderateReplyAction } from "@/lib/actions/replies";
import { Button } from "../ui/Button";

/** `kind="reply"`: reviewId is a publisher reply's id. */
export function ModerationActions({
  reviewId,
  status,
  hasOpenReports,
  label,
  kind = "review",
}: {
  reviewId: string;
  status: "VISIBLE" | "FLAGGED" | "HIDDEN";
  hasOpenReports: boolean;
  label: string;
  kind?: "review" | "reply";
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const act = (decision: "hide" | "restore" | "dismiss") =>
    start(async () => {
      const res = kind === "reply" ? await moderateReplyAction(reviewId, decision) : await moderateAction(reviewId, decision);
      setMessage(res.message ?? null);
      if (res.ok) router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Decide on ${label}`}>
      {status !== "HIDDEN" && (
        <Button variant="secondary" size="xs" disabled={pending} onClick={() => act("hide")}>
          Hide
        </Button>
      )}
      {status !== "VISIBLE" && (
        <Button variant="secondary" size="xs" disabled={pending} onClick={() => act("restore")}>
          Restore
        </Button>
      )}
      {status === "VISIBLE" && hasOpenReports && (
        <Button variant="secondary" size="xs" disabled={pending} onClick={() => act("dismiss")}>
          Dismiss
        </Button>
      )}
      <span role="status" className="text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
