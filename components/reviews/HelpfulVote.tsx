"use client";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useState, useTransition } from "react";
import { voteAction } from "@/lib/actions/reviews";
import { helpfulLine } from "@/lib/ratings";
import { useReviewMarks, viewerStore, type CardMarks } from "../viewer/store";
import { InlineError } from "../ui/FieldError";

type Vote = "YES" | "NO" | null;
type State = { yes: number; no: number; mine: Vote };

export type VoteViewer = { signedIn: boolean; own: boolean; myVote: Vote; pending?: boolean };

function asViewer(m: CardMarks): VoteViewer {
  if (m.phase === "member") return { signedIn: true, own: m.own, myVote: m.vote };
  // Until a member's marks arrive the buttons wait (busy), so none shows a wrong state.
  if (m.phase === "loading" || m.phase === "unknown") return { signedIn: m.phase === "loading", own: false, myVote: null, pending: true };
  return { signedIn: false, own: false, myVote: null };
}

/** The card's vote control on cached pages: the member's own vote comes from /api/me. */
export function HelpfulVote({ reviewId, yes, no, returnTo }: { reviewId: string; yes: number; no: number; returnTo: string }) {
  const marks = useReviewMarks(reviewId);
  const viewer = asViewer(marks);
  return (
    <Votes
      key={viewer.pending ? "waiting" : viewer.signedIn ? "member" : "visitor"}
      reviewId={reviewId}
      yes={yes}
      no={no}
      viewer={viewer}
      returnTo={returnTo}
    />
  );
}

function apply(s: State, next: Vote): State {
  let { yes, no } = s;
  if (s.mine === "YES") yes -= 1;
  if (s.mine === "NO") no -= 1;
  if (next === "YES") yes += 1;
  if (next === "NO") no += 1;
  return { yes, no, mine: next };
}

/**
 * "N people found this review helpful" and the Yes / No toggles. Optimistic: the count
 * moves at once, and the server's answer replaces it (or rolls it back with a message).
 */
function Votes({ reviewId, yes, no, viewer, returnTo }: { reviewId: string; yes: number; no: number; viewer: VoteViewer; returnTo: string }) {
  const router = useRouter();
  const [server, setServer] = useState<State>({ yes, no, mine: viewer.myVote });
  const [optimistic, setOptimistic] = useOptimistic(server, apply);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const reasonId = useId();

  function press(value: "YES" | "NO") {
    if (!viewer.signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`${returnTo}#review-${reviewId}`)}`);
      return;
    }
    if (viewer.pending) return;
    const next: Vote = optimistic.mine === value ? null : value;
    setError(null);
    start(async () => {
      setOptimistic(next);
      const res = await voteAction(reviewId, next);
      if (res.ok) {
        setServer({ yes: res.data.yes, no: res.data.no, mine: res.data.myVote });
        viewerStore.setVote(reviewId, res.data.myVote);
      } else if (res.code === "unauthenticated") router.push(`/signin?callbackUrl=${encodeURIComponent(`${returnTo}#review-${reviewId}`)}`);
      else setError(res.message);
    });
  }

  const btn = (pressed: boolean) =>
    `rounded-full border px-4 py-1 ${pressed ? "border-brand bg-brand text-on-brand" : "border-line hover:bg-surface"} disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent`;
  return (
    <div className="mt-2" aria-busy={pending || !!viewer.pending}>
      {optimistic.yes > 0 && (
        <p className="text-sm text-muted" aria-live="polite">
          {helpfulLine(optimistic.yes)}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <span className="text-muted">Did you find this helpful?</span>
        <button
          type="button"
          aria-pressed={optimistic.mine === "YES"}
          disabled={viewer.own}
          aria-disabled={viewer.pending || undefined}
          aria-describedby={viewer.own ? reasonId : undefined}
          onClick={() => press("YES")}
          className={btn(optimistic.mine === "YES")}
        >
          Yes
        </button>
        <button
          type="button"
          aria-pressed={optimistic.mine === "NO"}
          disabled={viewer.own}
          aria-disabled={viewer.pending || undefined}
          aria-describedby={viewer.own ? reasonId : undefined}
          onClick={() => press("NO")}
          className={btn(optimistic.mine === "NO")}
        >
          No
        </button>
        {viewer.own && (
          <span id={reasonId} className="text-xs text-muted">
            You can’t vote on your own review.
          </span>
        )}
      </div>
      {error && <InlineError className="mt-1">{error}</InlineError>}
    </div>
  );
}
