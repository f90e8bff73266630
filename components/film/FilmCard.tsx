import Link from "next/link";
import type { FilmCard as FilmCardData } from "@/lib/data/films";
import { averageOf } from "@/lib/ratings";
import { Poster } from "./Poster";
import { Stars } from "../rating/Stars";

export function FilmCard({ film }: { film: FilmCardData }) {
  const avg = averageOf(film.ratingSum, film.reviewCount);
  return (
    <Link href={`/films/${film.slug}`} className="group block w-36 shrink-0 sm:w-40">
      <Poster slug={film.slug} title={film.title} year={film.year} decorative className="transition group-hover:brightness-110" />
      <p className="mt-2 line-clamp-2 text-sm font-medium leading-snug group-hover:underline">{film.title}</p>
      <p className="flex items-center gap-1 text-xs text-muted">
        <span>{film.year}</span>
        {avg !== null ? (
          <>
            <span aria-hidden="true">•</span>
            <span aria-hidden="true">{avg.toFixed(1)}</span>
            <Stars value={avg} label={`Average rating ${avg.toFixed(1)} out of 5`} />
          </>
        ) : (
          <span> • No ratings yet</span>
        )}
      </p>
    </Link>
  );
}
