"use client";
import { useState, useTransition, type RefObject } from "react";
import { deleteReviewAction } from "@/lib/actions/reviews";
import { Button } from "../ui/Button";
import { Dialog } from "../ui/Dialog";
import { InlineError } from "../ui/FieldError";
import { viewerStore } from "../viewer/store";

/** "Delete your review?": opened by the card with `ref.current.showModal()`. */
export function DeleteReviewDialog({ ref, reviewId }: { ref: RefObject<HTMLDialogElement | null>; reviewId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function confirmDelete() {
    start(async () => {
      const res = await deleteReviewAction(reviewId);
      if (res.ok) {
        ref.current?.close();
        viewerStore.afterWrite();
      } else setError(res.message);
    });
  }

  return (
    <Dialog ref={ref} title="Delete your review?">
      <p className="mt-2 text-sm text-muted">Your rating and text will be removed. This can’t be undone.</p>
      {error && <InlineError className="mt-2">{error}</InlineError>}
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" weight="medium" onClick={() => ref.current?.close()}>
          Cancel
        </Button>
        <Button variant="danger" disabled={pending} onClick={confirmDelete}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
