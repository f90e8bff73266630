"use client";
import { useRouter } from "next/navigation";

/**
 * "Did you find this helpful?" Yes / No. Visitors are sent to sign in and brought back
 * to this review; members' votes are wired in lib/actions/votes.ts.
 */
export function HelpfulQuestion({ reviewId, returnTo }: { reviewId: string; returnTo: string }) {
  const router = useRouter();
  const ask = () => router.push(`/signin?callbackUrl=${encodeURIComponent(`${returnTo}#review-${reviewId}`)}`);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <span className="text-muted">Did you find this helpful?</span>
      <button type="button" aria-pressed={false} onClick={ask} className="rounded-full border border-line px-4 py-1 hover:bg-surface">
        Yes
      </button>
      <button type="button" aria-pressed={false} onClick={ask} className="rounded-full border border-line px-4 py-1 hover:bg-surface">
        No
      </button>
    </div>
  );
}
