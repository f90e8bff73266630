"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { reportAction } from "@/lib/actions/reviews";
import { reportReplyAction } from "@/lib/actions/replies";
import { REPORT_NOTE_MAX, REPORT_REASONS, REPORT_REASON_LABELS } from "@/lib/validation/review-rules";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { InlineError } from "../ui/FieldError";
import { useReviewMarks, useViewer, viewerStore } from "../viewer/store";
import { formText } from "@/lib/validation/params";

/** The card's report control on cached pages: hidden on the member's own review. */
export function ReportReview({ reviewId, returnTo }: { reviewId: string; returnTo: string }) {
  const m = useReviewMarks(reviewId);
  if (m.phase === "member" && m.own) return null;
  const waiting = m.phase === "loading" || m.phase === "unknown";
  return (
    <ReportControl
      key={waiting ? "waiting" : m.phase}
      reviewId={reviewId}
      signedIn={m.phase !== "visitor"}
      alreadyReported={m.reported}
      waiting={waiting}
      returnTo={returnTo}
    />
  );
}

/** "Report reply" under a publisher's reply (the id is the reply's). */
export function ReportReply({ replyId, returnTo }: { replyId: string; returnTo: string }) {
  const { phase } = useViewer();
  const waiting = phase === "loading" || phase === "unknown";
  return (
    <ReportControl
      key={waiting ? "waiting" : phase}
      kind="reply"
      reviewId={replyId}
      signedIn={phase !== "visitor"}
      alreadyReported={false}
      waiting={waiting}
      returnTo={returnTo}
    />
  );
}

/** "Report review" opens a dialog with the reasons and "Submit report". */
function ReportControl({
  reviewId,
  signedIn,
  alreadyReported,
  waiting,
  returnTo,
  kind = "review",
}: {
  reviewId: string;
  signedIn: boolean;
  alreadyReported: boolean;
  waiting: boolean;
  returnTo: string;
  kind?: "review" | "reply";
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState<string | null>(alreadyReported ? `You reported this ${kind}.` : null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const noteId = useId();

  function open() {
    if (waiting) return;
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`${returnTo}#review-${reviewId}`)}`);
      return;
    }
    setError(null);
    dialog.current?.showModal();
  }

  function submit(form: FormData) {
    const reason = formText(form, "reason");
    const note = formText(form, "note");
    if (!reason) {
      setError(`Choose why you are reporting this ${kind}.`);
      return;
    }
    start(async () => {
      const res = kind === "reply" ? await reportReplyAction(reviewId, reason, note) : await reportAction(reviewId, reason, note);
      if (res.ok) {
        dialog.current?.close();
        if (kind === "review") viewerStore.setReported(reviewId);
        // No refresh: the reporter keeps their place and sees the thanks; counts and
        // lists reflect a hidden review on the next load.
        setDone(res.message ?? "Thanks for letting us know.");
      } else setError(res.message);
    });
  }

  if (done)
    return (
      <p className="mt-2 text-xs text-muted" role="status">
        {done}
      </p>
    );
  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-disabled={waiting || undefined}
        className="mt-2 text-xs font-medium text-muted underline-offset-2 hover:underline"
      >
        {kind === "reply" ? "Report reply" : "Report review"}
      </button>
      <Dialog ref={dialog} title={`Report this ${kind}`} width="md">
        <form action={submit} className="mt-4 flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm text-muted">Why are you reporting it?</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="flex items-center gap-2">
                <input type="radio" name="reason" value={r} className="h-4 w-4 accent-[var(--color-brand)]" />
                {REPORT_REASON_LABELS[r]}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${noteId}-note`} className="text-sm font-medium">
              Anything to add? (optional)
            </label>
            <textarea id={`${noteId}-note`} name="note" rows={2} maxLength={REPORT_NOTE_MAX} className="rounded-lg border border-line bg-page px-3 py-2" />
          </div>
          {error && <InlineError>{error}</InlineError>}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" weight="medium" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Submit report
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
