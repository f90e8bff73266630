"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import { deleteReviewAction, saveReviewAction, type ReviewFormState } from "@/lib/actions/reviews";
import type { MyReview } from "@/lib/data/viewer";
import { ReplyBlock } from "@/components/reviews/ReplyBlock";
import { graphemeLength } from "@/lib/validation/graphemes";
import { REVIEW_MAX } from "@/lib/validation/review-rules";
import { ReviewMeta } from "../reviews/ReviewMeta";
import { useFilmMine, viewerStore } from "../viewer/store";
import { Gate } from "../viewer/Gate";

type Props = { filmId: string; slug: string; signedIn: boolean; myReview: MyReview | null; initialRating?: number };

/** `?rate=N` (after signing in from a star): the star the member chose. */
function ratingFromUrl(): number | undefined {
  const n = Number(new URLSearchParams(window.location.search).get("rate"));
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

/**
 * The "Rate this movie" island of the cached film page: the visitor's stars (which lead to
 * sign in), a placeholder of the same size while a member's own review loads, then the
 * member's form or review.
 */
export function RateThisMovie({ filmId, slug }: { filmId: string; slug: string }) {
  const { phase, mine } = useFilmMine(slug);
  return (
    <Gate
      phase={phase}
      visitor={<ReviewComposer filmId={filmId} slug={slug} signedIn={false} myReview={null} />}
      placeholder={<div aria-hidden="true" className="h-[8.75rem] animate-pulse rounded-xl border border-line bg-surface" />}
      member={() => {
        const myReview = mine?.myReview ?? null;
        return <ReviewComposer key={myReview ? `${myReview.id}:${myReview.editedAt}` : "new"} filmId={filmId} slug={slug} signedIn myReview={myReview} initialRating={ratingFromUrl()} />;
      }}
    />
  );
}

/**
 * "Rate this movie": native radio buttons in a fieldset (keyboard and screen readers
 * for free). Choosing a star opens the review form; visitors go to sign in and come
 * back here with their star chosen. A member who has reviewed sees their review with
 * Edit and Delete instead.
 */
export function ReviewComposer({ filmId, slug, signedIn, myReview, initialRating }: Props) {
  const [editing, setEditing] = useState(!myReview && !!initialRating && signedIn);
  if (myReview && !editing) return <MyReviewCard review={myReview} onEdit={() => setEditing(true)} />;
  return (
    <ReviewForm
      filmId={filmId}
      slug={slug}
      signedIn={signedIn}
      existing={myReview}
      initialRating={myReview?.rating ?? (signedIn ? initialRating : undefined)}
      open={editing}
      onOpen={() => setEditing(true)}
      onCancel={myReview ? () => setEditing(false) : undefined}
      onSaved={() => setEditing(false)}
    />
  );
}

function ReviewForm({
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
        {fe?.rating && (
          <p id={ids.ratingErr} className="mt-1 text-sm text-red-700 dark:text-red-400">
            {fe.rating[0]}
          </p>
        )}
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
                {fe?.body && (
                  <span id={ids.bodyErr} className="text-red-700 dark:text-red-400">
                    {fe.body[0]}
                  </span>
                )}
              </span>
              <span id={ids.counter} className={`tabular-nums ${over ? "font-semibold text-red-700 dark:text-red-400" : "text-muted"}`}>
                {length}/{REVIEW_MAX}
                <span className="sr-only"> characters</span>
              </span>
            </div>
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} className="h-4 w-4 accent-[var(--color-brand)]" />
            Post anonymously
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="spoiler" checked={spoiler} onChange={(e) => setSpoiler(e.target.checked)} className="h-4 w-4 accent-[var(--color-brand)]" />
            Contains spoilers
          </label>
          <div aria-live="polite" id={ids.status}>
            {state && !state.ok && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {state.message}
              </p>
            )}
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded-lg bg-brand px-5 py-2 font-semibold text-on-brand hover:bg-brand-strong disabled:opacity-60">
              {pending ? "Posting…" : "Post"}
            </button>
            {onCancel && (
              <button type="button" onClick={onCancel} className="rounded-lg border border-line px-4 py-2 font-medium hover:bg-surface">
                Cancel
              </button>
            )}
          </div>
        </div>
      )}
    </form>
  );
}

function MyReviewCard({ review, onEdit }: { review: MyReview; onEdit: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const titleId = useId();

  function confirmDelete() {
    start(async () => {
      const res = await deleteReviewAction(review.id);
      if (res.ok) {
        dialog.current?.close();
        viewerStore.afterWrite();
      } else setError(res.message);
    });
  }

  return (
    <section id="rate" aria-labelledby={`${titleId}-h`} className="scroll-mt-20 rounded-xl border border-line p-4">
      <h3 id={`${titleId}-h`} className="text-lg font-semibold">
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
        <button type="button" onClick={onEdit} className="rounded-lg border border-line px-4 py-1.5 text-sm font-semibold hover:bg-surface">
          Edit review
        </button>
        <button type="button" onClick={() => dialog.current?.showModal()} className="rounded-lg border border-line px-4 py-1.5 text-sm font-semibold hover:bg-surface">
          Delete review
        </button>
      </div>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(26rem,calc(100%-2rem))] rounded-xl border border-line bg-page p-5 text-ink backdrop:bg-black/50">
        <h2 id={titleId} className="text-lg font-semibold">
          Delete your review?
        </h2>
        <p className="mt-2 text-sm text-muted">Your rating and text will be removed. This can’t be undone.</p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-lg border border-line px-4 py-2 font-medium hover:bg-surface">
            Cancel
          </button>
          <button type="button" disabled={pending} onClick={confirmDelete} className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
            Delete
          </button>
        </div>
      </dialog>
    </section>
  );
}
