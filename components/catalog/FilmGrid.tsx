import type { FilmSummary } from "@/lib/data/films";
import { FilmCard } from "@/components/film/FilmCard";

/** A wrapping grid of film cards (2 columns on phones, up to 5 on desktops). */
export function FilmGrid({ films, label }: { films: FilmSummary[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5">
      {films.map((f) => (
        <li key={f.slug} className="[&>a]:w-full">
          <FilmCard film={f} />
        </li>
      ))}
    </ul>
  );
}
