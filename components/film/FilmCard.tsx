import Link from "next/link";
import type { FilmCard as FilmCardData } from "@/lib/data/films";
import { averageOf } from "@/lib/ratings";
import { posterUrl } from "@/lib/poster-url";
import { Stars } from "../ui/Stars";

/**
 * A film in a row or grid: poster, title, year and rating. Pages show up to a few hundred,
 * so its markup is kept short (the `.film-card` classes in globals.css).
 */
export function FilmCard({ film }: { film: FilmCardData }) {
  const avg = averageOf(film.ratingSum, film.reviewCount);
  return (
    <Link href={`/films/${film.slug}`} className="film-card">
      {/* eslint-disable-next-line @next/next/no-img-element -- decorative: the link says the title */}
      <img src={posterUrl(film.slug, film.title, film.year)} alt="" width={200} height={300} loading="lazy" />
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
