import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { filmNotFound } from "@/lib/film-not-found";
import { getFilmBySlug, type FilmDetail } from "@/lib/data/films";
import { getReviewPage } from "@/lib/data/reviews";
import { isSlug } from "@/lib/slug";
import { reviewCountLabel, summarize } from "@/lib/ratings";
import { REVIEW_PAGE_SIZE, type ReviewListQuery } from "@/lib/validation/review-list";
import { RatingSummary } from "../rating/RatingSummary";
import { ReviewCard } from "./ReviewCard";
import { ReviewListControls } from "./ReviewListControls";
import { Pager } from "./Pager";

// "See all reviews" (/films/[slug]/reviews?sort=&rating=&cursor=&dir=). next.config.ts
// rewrites the first page of each sort and star filter to a cached route
// (app/films/[slug]/reviews/[view]) and deeper pages, with a cursor, to a rendered one
// (app/films/[slug]/reviews/deep): both show this page.

export async function reviewsMetadata(slug: string): Promise<Metadata> {
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return { title: "Film not found" };
  const title = `Reviews of ${film.title} (${film.year})`;
  const description = `What viewers think of ${film.title}: ${reviewCountLabel(film.reviewCount)}, sorted by most helpful, newest or rating.`;
  return {
    title,
    description,
    alternates: { canonical: `/films/${film.slug}/reviews` },
    openGraph: {
      title: `${title} · Marquee`,
      description,
      url: `/films/${film.slug}/reviews`,
      type: "website",
      siteName: "Marquee",
      // The film's share image (app/films/[slug]/opengraph-image.tsx); nested pages do not inherit it.
      images: [{ url: `/films/${film.slug}/opengraph-image`, width: 1200, height: 630, alt: `${film.title} on Marquee` }],
    },
  };
}

export async function ReviewsPage({ slug, q }: { slug: string; q: ReviewListQuery }) {
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return filmNotFound(slug, "/reviews");
  const base = `/films/${film.slug}/reviews`;
  const s = summarize(film.counts);
  const shownCount = q.rating ? film.counts[q.rating as 1 | 2 | 3 | 4 | 5] : s.count;

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/films/${film.slug}`} className="text-brand hover:underline">
          ← {film.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Ratings and reviews of {film.title}</h1>
      <RatingSummary counts={film.counts} />
      <ReviewListControls base={base} sort={q.sort} rating={q.rating} />
      <p className="text-sm text-muted" aria-live="polite">
        {q.rating ? `${reviewCountLabel(shownCount)} with ${q.rating} ${q.rating === 1 ? "star" : "stars"}` : reviewCountLabel(shownCount)}
      </p>
      <ReviewList film={film} q={q} base={base} />
    </div>
  );
}

async function ReviewList({ film, q, base }: { film: FilmDetail; q: ReviewListQuery; base: string }) {
  const page = await getReviewPage({
    filmId: film.id,
    filmSlug: film.slug,
    sort: q.sort,
    rating: q.rating,
    cursor: q.cursor,
    dir: q.dir,
    limit: REVIEW_PAGE_SIZE,
  });
  return (
    <>
      <section aria-label="Reviews">
        {page.items.length === 0 ? (
          <p className="rounded-lg bg-surface p-6 text-center text-muted">
            {q.cursor ? "No more reviews here." : "No reviews match this filter yet."}{" "}
            <Link href={base} className="font-semibold text-brand hover:underline">
              Show all reviews
            </Link>
          </p>
        ) : (
          page.items.map((r) => <ReviewCard key={r.id} review={r} returnTo={base} />)
        )}
      </section>
      <Pager base={base} sort={q.sort} rating={q.rating} prev={page.prev} next={page.next} />
    </>
  );
}
