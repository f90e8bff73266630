/**
 * Read-only stars with a text equivalent ("Rated 4 out of 5" or "Average rating 4.6 out of
 * 5"). Drawn by CSS (`.stars` in globals.css: five star shapes as a mask over a fill that
 * stops where the value ends), so a page of film cards carries one short element per film.
 */
export function Stars({ value, label, size = "sm" }: { value: number; label?: string; size?: "sm" | "lg" }) {
  const v = Math.max(0, Math.min(5, value));
  // The fill covers whole stars plus the fraction of the next; 2-unit gaps between 20-unit stars.
  const whole = Math.floor(v);
  const edge = whole >= 5 ? 108 : whole * 22 + (v - whole) * 20;
  return (
    <span
      role="img"
      aria-label={label ?? `Rated ${value} out of 5`}
      className={size === "lg" ? "stars stars-lg" : "stars"}
      style={{ "--fill": `${((edge / 108) * 100).toFixed(1)}%` } as React.CSSProperties}
    />
  );
}
