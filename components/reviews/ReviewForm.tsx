"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { saveReviewAction, type ReviewFormState } from "@/lib/actions/reviews";
import type { MyReview } from "@/lib/data/viewer";
import { graphemeLength } from "@/lib/validation/graphemes";
import { REVIEW_MAX } from "@/lib/validation/review-rules";
import { Button } from "../ui/Button";
import { errorTextClass, FieldError, InlineError } from "../ui/FieldError";
import { viewerStore } from "../viewer/store";

/**
 * The "Rate this movie" form: native radio buttons in a fieldset (keyboard and screen
 * readers for free); once open (a member chose a star, or edits), the text, the two
 * choices and Post.
 */
export function ReviewForm({
  filmId,
  slug,
  signedIn,
  existing,
  initialRating,
  open,
  onOpen,
  onCancel,
  onSaved,
}: {
  filmId: string;
  slug: string;
  signedIn: boolean;
  existing: MyReview | null;
  initialRating?: number;
  open: boolean;
  onOpen: () => void;
  onCancel?: () => void;
  onSaved: () => void;
}) {
  const router = useRouter();
  const [rating, setRating] = useState<number | undefined>(initialRating);
  const [body, setBody] = useState(existing?.body ?? "");
  const [anonymous, setAnonymous] = useState(existing?.anonymous ?? false);
  const [spoiler, setSpoiler] = useState(existing?.spoiler ?? false);
  const [state, action, pending] = useActionState<ReviewFormState, FormData>(saveReviewAction, null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = { counter: useId(), bodyErr: useId(), ratingErr: useId(), status: useId() };
  const length = graphemeLength(body);
  const over = length > REVIEW_MAX;
  const fe = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      onSaved();
      viewerStore.afterWrite();
    } else if (state.fieldErrors?.body) textRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  function choose(n: number) {
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/films/${slug}?rate=${n}#rate`)}`);
      return;
    }
    setRating(n);
    onOpen();
  }

  return (
    <form action={action} id="rate" className="scroll-mt-20 rounded-xl border border-line p-4" noValidate>
      <input type="hidden" name="filmId" value={filmId} />
      <fieldset aria-describedby={fe?.rating ? ids.ratingErr : undefined}>
        <legend className="px-1 text-lg font-semibold">Rate this movie</legend>
        <p className="text-sm text-muted">{existing ? "Editing your review." : "Tell us what you think."}</p>
        <div className="mt-3 flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="group cursor-pointer" title={`${n} ${n === 1 ? "star" : "stars"}`}>
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => choose(n)}
                className="peer sr-only"
                aria-label={`${n} ${n === 1 ? "star" : "stars"}`}
              />
              <svg
                viewBox="0 0 20 20"
                aria-hidden="true"
                className={`h-9 w-9 rounded transition peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-brand ${
                  rating !== undefined && n <= rating ? "text-star" : "text-muted group-hover:text-star"
                }`}
              >
                <path
                  fill={rating !== undefined && n <= rating ? "currentColor" : "none"}
                  stroke="currentColor"
                  strokeWidth="1.3"
                  d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z"
                />
              </svg>
            </label>
          ))}
        </div>
        <FieldError id={ids.ratingErr} message={fe?.rating?.[0]} className="mt-1" />
      </fieldset>

      {open && signedIn && (
        <div className="mt-4 flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids.counter}-body`} className="font-medium">
              Your review
            </label>
            <textarea
              ref={textRef}
              id={`${ids.counter}-body`}
              name="body"
              rows={5}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              placeholder="What did you think? (optional)"
              aria-invalid={over || !!fe?.body}
              aria-describedby={`${ids.counter}${fe?.body ? ` ${ids.bodyErr}` : ""}`}
              className="w-full rounded-lg border border-line bg-page px-3 py-2 aria-[invalid=true]:border-red-600"
            />
            <div className="flex justify-between gap-3 text-sm">
              <span>
                <FieldError id={ids.bodyErr} message={fe?.body?.[0]} as="span" />
              </span>
              <span id={ids.counter} className={`tabular-nums ${over ? `font-semibold ${errorTextClass}` : "text-muted"}`}>
                {length}/{REVIEW_MAX}
                <span className="sr-only"> characters</span>
              </span>
            </div>
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="anonymous"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
              className="h-4 w-4 accent-[var(--color-brand)]"
            />
            Post anonymously
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="spoiler"
              checked={spoiler}
              onChange={(e) => setSpoiler(e.target.checked)}
              className="h-4 w-4 accent-[var(--color-brand)]"
            />
            Contains spoilers
          </label>
          <div aria-live="polite" id={ids.status}>
            {state && !state.ok && <InlineError>{state.message}</InlineError>}
          </div>
          <div className="flex gap-2">
            <Button type="submit" size="lg" disabled={pending}>
              {pending ? "Posting…" : "Post"}
            </Button>
            {onCancel && (
              <Button variant="secondary" weight="medium" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </div>
        </div>
      )}
    </form>
  );
}
