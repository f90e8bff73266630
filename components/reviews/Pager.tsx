import { reviewListHref, type ReviewSort } from "@/lib/validation/review-list";
import { CursorPager } from "../ui/CursorPager";

export function Pager({ base, sort, rating, prev, next }: { base: string; sort: ReviewSort; rating?: number; prev: string | null; next: string | null }) {
  return (
    <CursorPager
      label="Review pages"
      prevHref={prev ? reviewListHref(base, { sort, rating, cursor: prev, dir: "prev" }) : null}
      nextHref={next ? reviewListHref(base, { sort, rating, cursor: next, dir: "next" }) : null}
    />
  );
}
