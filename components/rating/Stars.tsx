import { useId } from "react";

const STEP = 22; // a 20-unit star and a 2-unit gap
const WIDTH = 5 * STEP - 2;
/** Five stars in one path, offsets baked in (a transform would move the gradient with each star). */
const STARS = [0, 1, 2, 3, 4]
  .map((i) => i * STEP)
  .map((x) => `M${10 + x} 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L${10 + x} 14.9l-5.2 2.7 1-5.8L${1.5 + x} 7.7l5.9-.9z`)
  .join("");

/**
 * Read-only stars with a text equivalent ("Rated 4 out of 5" or "Average rating 4.6 out of 5").
 * One SVG with one gradient, stopping where the value ends (4.6 fills four stars and 60% of
 * the fifth): a film card shows one per film, so it stays small.
 */
export function Stars({ value, label, size = "sm" }: { value: number; label?: string; size?: "sm" | "lg" }) {
  // Gradient id unique per instance: a copy in a hidden element must not blank the others.
  const id = `st${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const px = size === "lg" ? 20 : 14;
  const text = label ?? `Rated ${value} out of 5`;
  const v = Math.max(0, Math.min(5, value));
  const whole = Math.floor(v);
  const edge = whole >= 5 ? WIDTH : whole * STEP + (v - whole) * 20;
  const stop = `${((edge / WIDTH) * 100).toFixed(2)}%`;
  return (
    <span role="img" aria-label={text} className="inline-flex items-center align-middle text-star">
      <svg width={(px * WIDTH) / 20} height={px} viewBox={`0 0 ${WIDTH} 20`} aria-hidden="true">
        <defs>
          <linearGradient id={id} gradientUnits="userSpaceOnUse" x1="0" y1="0" x2={WIDTH} y2="0">
            <stop offset={stop} stopColor="currentColor" />
            <stop offset={stop} stopColor="currentColor" stopOpacity="0.22" />
          </linearGradient>
        </defs>
        <path fill={`url(#${id})`} d={STARS} />
      </svg>
    </span>
  );
}
