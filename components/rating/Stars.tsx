import { useId } from "react";

/** Read-only stars with a text equivalent ("Rated 4 out of 5" or "Average rating 4.6 out of 5"). */
export function Stars({ value, label, size = "sm" }: { value: number; label?: string; size?: "sm" | "lg" }) {
  // Gradient ids unique per instance: a copy in a hidden element must not blank the others.
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const px = size === "lg" ? 20 : 14;
  const text = label ?? `Rated ${value} out of 5`;
  return (
    <span role="img" aria-label={text} className="inline-flex items-center gap-0.5 align-middle text-star">
      {[1, 2, 3, 4, 5].map((i) => {
        const fill = Math.max(0, Math.min(1, value - (i - 1)));
        return (
          <svg key={i} width={px} height={px} viewBox="0 0 20 20" aria-hidden="true">
            <defs>
              <linearGradient id={`${uid}s${i}`}>
                <stop offset={`${fill * 100}%`} stopColor="currentColor" />
                <stop offset={`${fill * 100}%`} stopColor="currentColor" stopOpacity="0.22" />
              </linearGradient>
            </defs>
            <path
              fill={`url(#${uid}s${i})`}
              d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z"
            />
          </svg>
        );
      })}
    </span>
  );
}
