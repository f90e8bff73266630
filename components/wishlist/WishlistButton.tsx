"use client";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { setWishlistAction } from "@/lib/actions/wishlist";

/** "Add to wishlist" / "Remove from wishlist"; visitors are asked to sign in. */
export function WishlistButton({ filmId, slug, signedIn, initial, compact = false }: { filmId: string; slug: string; signedIn: boolean; initial: boolean; compact?: boolean }) {
  const router = useRouter();
  const [on, setOn] = useState(initial);
  const [optimistic, setOptimistic] = useOptimistic(on);
  const [error, setError] = useState<string | null>(null);
  const [, start] = useTransition();
  function toggle() {
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/films/${slug}`)}`);
      return;
    }
    const next = !optimistic;
    setError(null);
    start(async () => {
      setOptimistic(next);
      const res = await setWishlistAction(filmId, next);
      if (res.ok) {
        setOn(res.data.on);
        router.refresh();
      } else setError(res.message);
    });
  }
  return (
    <div className={compact ? "" : "self-start"}>
      <button
        type="button"
        onClick={toggle}
        aria-pressed={signedIn ? optimistic : undefined}
        className={`inline-flex items-center gap-2 rounded-lg border px-4 ${compact ? "py-1.5 text-sm" : "py-2.5"} font-medium ${optimistic ? "border-brand text-brand" : "border-line"} hover:bg-surface`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill={optimistic ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6">
          <path d="M5 2.5h10v15l-5-3.5-5 3.5z" />
        </svg>
        {optimistic ? "Remove from wishlist" : "Add to wishlist"}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
