import type { FilmDetail } from "@/lib/data/films";
import type { ReviewItem } from "@/lib/data/reviews";
import { summarize } from "@/lib/ratings";
import { siteUrl } from "@/lib/env";
import { ANONYMOUS_NAME } from "../reviews/ReviewCard";

/** Escapes "<" so text inside the JSON can never close the script element. */
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export function movieJsonLd(film: FilmDetail, reviews: ReviewItem[]) {
  const s = summarize(film.counts);
  return {
    "@context": "https://schema.org",
    "@type": "Movie",
    name: film.title,
    url: `${siteUrl()}/films/${film.slug}`,
    datePublished: film.releaseDate,
    duration: `PT${film.runtimeMinutes}M`,
    description: film.synopsis,
    genre: film.genres.map((g) => g.name),
    contentRating: film.contentRating,
    image: `${siteUrl()}/films/${film.slug}/poster.svg`,
    director: film.directors.map((name) => ({ "@type": "Person", name })),
    actor: film.cast.map((c) => ({ "@type": "Person", name: c.name })),
    ...(s.count > 0
      ? { aggregateRating: { "@type": "AggregateRating", ratingValue: s.average, bestRating: 5, worstRating: 1, ratingCount: s.count, reviewCount: s.count } }
      : {}),
    review: reviews.slice(0, 3).map((r) => ({
      "@type": "Review",
      author: { "@type": "Person", name: r.authorName ?? ANONYMOUS_NAME },
      datePublished: r.createdAt.slice(0, 10),
      reviewRating: { "@type": "Rating", ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      ...(r.body && !r.spoiler ? { reviewBody: r.body } : {}),
    })),
  };
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdString(data) }} />;
}
