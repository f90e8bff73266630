import Link from "@/components/ui/Link";
import { REVIEW_SORTS, SORT_LABELS, reviewListHref, type ReviewSort } from "@/lib/validation/review-list";
import { chipClass } from "../ui/chip";

/** Sort and star filter as plain links: the state lives in the URL and works without JavaScript. */
export function ReviewListControls({ base, sort, rating }: { base: string; sort: ReviewSort; rating?: number }) {
  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Sort reviews" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">Sort by</span>
        {REVIEW_SORTS.map((s) => (
          <Link key={s} href={reviewListHref(base, { sort: s, rating })} aria-current={s === sort ? "true" : undefined} className={chipClass(s === sort)}>
            {SORT_LABELS[s]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Filter by rating" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">Show</span>
        <Link href={reviewListHref(base, { sort })} aria-current={!rating ? "true" : undefined} className={chipClass(!rating)}>
          All ratings
        </Link>
        {[5, 4, 3, 2, 1].map((n) => (
          <Link key={n} href={reviewListHref(base, { sort, rating: n })} aria-current={rating === n ? "true" : undefined} className={chipClass(rating === n)}>
            {n} {n === 1 ? "star" : "stars"}
          </Link>
        ))}
      </nav>
    </div>
  );
}
