import Link from "@/components/ui/Link";
import type { FilmSummary } from "@/lib/data/films";
import { averageOf } from "@/lib/ratings";
import { filmPosterImage } from "@/lib/poster-url";
import { Stars } from "../ui/Stars";

/**
 * A film in a row or grid: poster, title, year and rating. Pages show up to a few hundred,
 * so its markup is kept short (the `.film-card` classes in globals.css).
 */
export function FilmCard({ film }: { film: FilmSummary }) {
  const avg = averageOf(film.ratingSum, film.reviewCount);
  const poster = filmPosterImage(film);
  return (
    <Link href={`/films/${film.slug}`} className="film-card">
      {/* eslint-disable-next-line @next/next/no-img-element -- decorative: the link says the title */}
      <img
        src={poster.src}
        {...(poster.srcSet ? { srcSet: poster.srcSet, sizes: "(min-width: 640px) 200px, 50vw" } : {})}
        alt=""
        width={200}
        height={300}
        loading="lazy"
      />
      <p>{film.title}</p>
      <p>
        {film.year}
        {avg !== null ? (
          <>
            <span aria-hidden="true"> • {avg.toFixed(1)} </span>
            <Stars value={avg} label={`Average rating ${avg.toFixed(1)} out of 5`} />
          </>
        ) : (
          " • No ratings yet"
        )}
      </p>
    </Link>
  );
}
