import { reviewCountLabel, summarize, type StarCounts } from "@/lib/ratings";
import { Stars } from "../ui/Stars";

/** The big average, its stars, the count and the 5→1 histogram. */
export function RatingSummary({ counts }: { counts: StarCounts }) {
  const s = summarize(counts);
  return (
    <div className="flex flex-col gap-6 sm:flex-row sm:items-center">
      <div className="flex shrink-0 flex-col items-start sm:w-36 sm:items-center">
        <p className="text-6xl font-semibold tracking-tight" aria-hidden="true">
          {s.average !== null ? s.average.toFixed(1) : "–"}
        </p>
        <Stars value={s.exact ?? 0} label={s.average !== null ? `Average rating ${s.average.toFixed(1)} out of 5` : "No ratings yet"} />
        <p className="mt-1 text-sm text-muted">{reviewCountLabel(s.count)}</p>
      </div>
      <ul className="flex w-full max-w-md flex-col gap-1.5" aria-label="Rating distribution">
        {s.histogram.map((h) => (
          <li key={h.stars} className="flex items-center gap-3 text-sm" aria-label={`${h.stars} ${h.stars === 1 ? "star" : "stars"}, ${h.percent} percent`}>
            <span className="w-3 text-right tabular-nums text-muted" aria-hidden="true">
              {h.stars}
            </span>
            <span className="relative h-2.5 flex-1 overflow-hidden rounded-full bg-track" aria-hidden="true">
              <span className="absolute inset-y-0 left-0 rounded-full bg-brand" style={{ width: `${h.percent}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
