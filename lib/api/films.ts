// Maps the data layer's films and reviews to the public API's shapes (lib/validation/api.ts).
import type { CatalogFilm } from "../data/film-lists";
import type { FilmDetail } from "../data/films";
import type { ReviewItem } from "../data/reviews";
import { averageOf, summarize } from "../ratings";
import { siteUrl } from "../env";
import type { ApiFilmDetail, ApiFilmSummary, ApiReview } from "../validation/api";

export function apiFilmSummary(f: CatalogFilm): ApiFilmSummary {
  return {
    slug: f.slug,
    title: f.title,
    year: f.year,
    releaseDate: f.releaseDate,
    runtimeMinutes: f.runtimeMinutes,
    rating: { average: averageOf(f.ratingSum, f.reviewCount), count: f.reviewCount },
    url: `${siteUrl()}/films/${f.slug}`,
  };
}

export function apiFilmDetail(f: FilmDetail): ApiFilmDetail {
  const s = summarize(f.counts);
  const url = `${siteUrl()}/films/${f.slug}`;
  return {
    slug: f.slug,
    title: f.title,
    year: f.year,
    releaseDate: f.releaseDate,
    runtimeMinutes: f.runtimeMinutes,
    url,
    tagline: f.tagline,
    synopsis: f.synopsis,
    contentRating: f.contentRating,
    genres: f.genres,
    directors: f.directors,
    cast: f.cast,
    rating: { average: s.average, count: s.count, histogram: s.histogram },
    links: { reviews: `${siteUrl()}/api/films/${f.slug}/reviews`, poster: `${url}/poster.svg`, image: `${url}/opengraph-image` },
    updatedAt: f.updatedAt,
  };
}

export function apiReview(r: ReviewItem): ApiReview {
  return {
    id: r.id,
    rating: r.rating,
    body: r.body,
    spoiler: r.spoiler,
    authorName: r.authorName,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    helpful: { yes: r.helpfulYes, no: r.helpfulNo },
    reply: r.reply ? { publisherName: r.reply.publisherName, body: r.reply.body, createdAt: r.reply.createdAt, editedAt: r.reply.editedAt } : null,
  };
}
