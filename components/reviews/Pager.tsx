import Link from "next/link";
import { reviewListHref, type ReviewSort } from "@/lib/validation/review-list";

export function Pager({ base, sort, rating, prev, next }: { base: string; sort: ReviewSort; rating?: number; prev: string | null; next: string | null }) {
  if (!prev && !next) return null;
  const cls = "rounded-lg border border-line px-4 py-2 font-medium hover:bg-surface";
  const off = "rounded-lg border border-line px-4 py-2 font-medium opacity-50";
  return (
    <nav aria-label="Review pages" className="flex justify-between gap-4">
      {prev ? (
        <Link rel="prev" href={reviewListHref(base, { sort, rating, cursor: prev, dir: "prev" })} className={cls}>
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          ← Previous
        </span>
      )}
      {next ? (
        <Link rel="next" href={reviewListHref(base, { sort, rating, cursor: next, dir: "next" })} className={cls}>
          Next →
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          Next →
        </span>
      )}
    </nav>
  );
}
