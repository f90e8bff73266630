import Link from "@/components/ui/Link";
import type { FilmSummary } from "@/lib/data/films";
import { FilmCard } from "@/components/film/FilmCard";

/**
 * Which cards a row shows from `sm` up, where it is a grid (4 columns, 6 from `lg`):
 * `lines` full grid lines; the rest stay reachable by scrolling sideways on phones.
 */
function hiddenFrom(i: number, lines: 1 | 2): string | undefined {
  if (i >= 6 * lines) return "sm:hidden";
  if (i >= 4 * lines) return "sm:hidden lg:block";
  return undefined;
}

/**
 * A titled row of film cards: scrolls sideways on phones, a grid on wider screens.
 * `seeAll` links to the full list ("See all", named "See all Drama films" for screen readers).
 */
export function FilmRow({
  id,
  title,
  films,
  note,
  seeAll,
  lines = 1,
}: {
  id: string;
  title: string;
  films: FilmSummary[];
  note?: string;
  seeAll?: { href: string; label: string };
  lines?: 1 | 2;
}) {
  return (
    <section aria-labelledby={id}>
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        {seeAll && (
          <Link href={seeAll.href} className="shrink-0 rounded px-1 text-sm font-semibold text-brand hover:underline">
            See all<span className="sr-only"> {seeAll.label}</span>
          </Link>
        )}
      </div>
      {note && <p className="-mt-2 mb-3 text-sm text-muted">{note}</p>}
      {films.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-muted">No films here yet.</p>
      ) : (
        <ul className="film-row no-scrollbar -mx-4 flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:grid sm:grid-cols-4 sm:gap-x-4 sm:gap-y-6 sm:overflow-visible sm:px-0 sm:pb-0 lg:grid-cols-6">
          {films.map((f, i) => (
            <li key={f.slug} className={hiddenFrom(i, lines)}>
              <FilmCard film={f} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
