import Link from "@/components/ui/Link";
import { buttonClass } from "./Button";

/** Previous / Next links of a keyset-paged list; a missing side is shown disabled. */
export function CursorPager({ label, prevHref, nextHref }: { label: string; prevHref: string | null; nextHref: string | null }) {
  if (!prevHref && !nextHref) return null;
  const cls = buttonClass({ variant: "secondary", weight: "medium" });
  // a missing side: the same box, dimmed, without the hover
  const off = "rounded-lg border border-line px-4 py-2 font-medium opacity-50";
  return (
    <nav aria-label={label} className="flex justify-between gap-4">
      {prevHref ? (
        <Link rel="prev" href={prevHref} className={cls}>
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          ← Previous
        </span>
      )}
      {nextHref ? (
        <Link rel="next" href={nextHref} className={cls}>
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
