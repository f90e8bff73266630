"use client";
import { useId, useRef } from "react";
import type { MyReview } from "@/lib/data/viewer";
import { Button } from "../ui/Button";
import { DeleteReviewDialog } from "./DeleteReviewDialog";
import { ReplyBlock } from "./ReplyBlock";
import { ReviewMeta } from "./ReviewMeta";

/** The member's own review in "Rate this movie", with Edit and Delete. */
export function MyReviewCard({ review, onEdit }: { review: MyReview; onEdit: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <section id="rate" aria-labelledby={headingId} className="scroll-mt-20 rounded-xl border border-line p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        Your review
      </h3>
      {review.status !== "VISIBLE" && (
        <p className="mt-1 rounded bg-surface px-2 py-1 text-sm text-muted">Only you can see this review while our moderators look at it.</p>
      )}
      <ReviewMeta rating={review.rating} createdAt={review.createdAt} editedAt={review.editedAt}>
        {review.anonymous && <span>Posted anonymously</span>}
        {review.spoiler && <span>Marked as containing spoilers</span>}
      </ReviewMeta>
      {review.body && <p className="mt-2 whitespace-pre-line break-words leading-relaxed">{review.body}</p>}
      {review.reply && (
        <>
          <p className="mt-2 text-sm font-semibold text-brand">The publisher replied</p>
          <ReplyBlock reply={review.reply} />
        </>
      )}
      <div className="mt-3 flex gap-2">
        <Button variant="secondary" size="sm" onClick={onEdit}>
          Edit review
        </Button>
        <Button variant="secondary" size="sm" onClick={() => dialog.current?.showModal()}>
          Delete review
        </Button>
      </div>
      <DeleteReviewDialog ref={dialog} reviewId={review.id} />
    </section>
  );
}
