"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { deleteReplyAction, saveReplyAction } from "@/lib/actions/replies";
import { REPLY_MAX } from "@/lib/validation/film";
import { graphemeLength } from "@/lib/validation/graphemes";
import { Button } from "../ui/Button";
import { errorTextClass, FieldError } from "../ui/FieldError";

/** Write, edit or delete the one reply to a review (at most 1,000 characters). */
export function ReplyEditor({ reviewId, authorName, existing, status }: { reviewId: string; authorName: string; existing: string; status: string | null }) {
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState(existing);
  const [result, setResult] = useState<{ ok: boolean; message: string; field?: string } | null>(null);
  const [pending, start] = useTransition();
  const n = graphemeLength(body.slice(0, REPLY_MAX * 4));
  return (
    <form
      aria-label={`Reply to ${authorName}`}
      className="mt-3 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await saveReplyAction(reviewId, body);
          setResult({ ok: res.ok, message: res.ok ? (res.message ?? "Saved.") : res.message, field: res.ok ? undefined : res.fieldErrors?.body?.join(" ") });
          if (res.ok) router.refresh();
        });
      }}
    >
      <label htmlFor={`${id}-body`} className="text-sm font-medium">
        {existing ? "Your reply" : "Reply"}
        {status && status !== "VISIBLE" && <span className="ml-2 text-muted">(hidden by moderation)</span>}
      </label>
      <textarea
        id={`${id}-body`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        aria-invalid={!!result?.field || n > REPLY_MAX}
        aria-describedby={`${id}-count ${id}-err`}
        className="rounded-lg border border-line bg-page px-3 py-2"
      />
      <p id={`${id}-count`} className={n > REPLY_MAX ? `text-sm ${errorTextClass}` : "text-sm text-muted"}>
        {n} / {REPLY_MAX}
      </p>
      <FieldError id={`${id}-err`} message={result?.field} keep />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {existing ? "Update reply" : "Post reply"}
        </Button>
        {existing && (
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await deleteReplyAction(reviewId);
                setResult({ ok: res.ok, message: res.message ?? (res.ok ? "Deleted." : "") });
                if (res.ok) {
                  setBody("");
                  router.refresh();
                }
              })
            }
          >
            Delete reply
          </Button>
        )}
        <span role="status" className={result && !result.ok ? `text-sm ${errorTextClass}` : "text-sm text-muted"}>
          {result?.message}
        </span>
      </div>
    </form>
  );
}
