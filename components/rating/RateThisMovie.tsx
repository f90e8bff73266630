"use client";
import { useRouter } from "next/navigation";

/**
 * "Rate this movie": five native radio buttons in a fieldset, so the stars work with
 * the keyboard and screen readers. Visitors who choose a star are sent to sign in and
 * brought back here.
 */
export function RateThisMovie({ slug }: { slug: string }) {
  const router = useRouter();
  return (
    <fieldset className="rounded-xl border border-line p-4" id="rate">
      <legend className="px-1 text-lg font-semibold">Rate this movie</legend>
      <p className="text-sm text-muted">Tell us what you think.</p>
      <div className="mt-3 flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="group cursor-pointer">
            <input
              type="radio"
              name="rating"
              value={n}
              className="peer sr-only"
              aria-label={`${n} ${n === 1 ? "star" : "stars"}`}
              onChange={() => router.push(`/signin?callbackUrl=${encodeURIComponent(`/films/${slug}?rate=${n}#rate`)}`)}
            />
            <svg
              viewBox="0 0 20 20"
              aria-hidden="true"
              className="h-9 w-9 rounded text-muted transition group-hover:text-star peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-brand"
            >
              <path fill="none" stroke="currentColor" strokeWidth="1.3" d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z" />
            </svg>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
