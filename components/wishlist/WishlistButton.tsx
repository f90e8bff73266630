"use client";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { setWishlistAction } from "@/lib/actions/wishlist";
import { useFilmMine, viewerStore } from "../viewer/store";
import { Gate } from "../viewer/Gate";
import { InlineError } from "../ui/FieldError";

const box = (compact: boolean) => `inline-flex items-center gap-2 rounded-lg border px-4 ${compact ? "py-1.5 text-sm" : "py-2.5"} font-medium`;

/**
 * "Add to wishlist" / "Remove from wishlist" on cached pages: visitors are asked to sign
 * in; members get their own state from /api/me (a placeholder of the same size until then).
 */
export function WishlistButton({ filmId, slug, compact = false }: { filmId: string; slug: string; compact?: boolean }) {
  const { phase, mine } = useFilmMine(slug);
  return (
    <Gate
      phase={phase}
      visitor={<Toggle filmId={filmId} slug={slug} compact={compact} signedIn={false} initial={false} />}
      placeholder={
        <div className={compact ? "" : "self-start"}>
          <span aria-hidden="true" className={`${box(compact)} animate-pulse border-line text-transparent`}>
            <span className="h-4 w-4" />
            Remove from wishlist
          </span>
        </div>
      }
      member={() => <Toggle filmId={filmId} slug={slug} compact={compact} signedIn initial={mine?.wished ?? false} />}
    />
  );
}

/** The toggle itself, also used where the state is known on the server (the wishlist page). */
export function Toggle({
  filmId,
  slug,
  signedIn,
  initial,
  compact = false,
}: {
  filmId: string;
  slug: string;
  signedIn: boolean;
  initial: boolean;
  compact?: boolean;
}) {
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
        viewerStore.setFilm(slug, { wished: res.data.on });
        // The wishlist page lists what is on it; cached pages do not change.
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
        className={`${box(compact)} ${optimistic ? "border-brand text-brand" : "border-line"} hover:bg-surface`}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill={optimistic ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.6">
          <path d="M5 2.5h10v15l-5-3.5-5 3.5z" />
        </svg>
        {optimistic ? "Remove from wishlist" : "Add to wishlist"}
      </button>
      {error && <InlineError className="mt-1">{error}</InlineError>}
    </div>
  );
}
