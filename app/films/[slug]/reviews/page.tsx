import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { filmNotFound } from "@/lib/film-not-found";
import { Suspense } from "react";
import { getFilmBySlug, type FilmDetail } from "@/lib/data/films";
import { getReviewPage } from "@/lib/data/reviews";
import { isSlug } from "@/lib/slug";
import { reviewCountLabel, summarize } from "@/lib/ratings";
import { parseReviewListQuery, REVIEW_PAGE_SIZE, type ReviewListQuery } from "@/lib/validation/review-list";
import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";
import { RatingSummary } from "@/components/rating/RatingSummary";
import { ReviewCard } from "@/components/reviews/ReviewCard";
import { ReviewListControls } from "@/components/reviews/ReviewListControls";
import { Pager } from "@/components/reviews/Pager";
import { viewerFor } from "@/components/reviews/viewer";
import { getCurrentUser } from "@/lib/auth/session";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
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

export default async function ReviewsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return filmNotFound(slug, "/reviews");
  const q = parseReviewListQuery(await searchParams);
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
      <Suspense key={JSON.stringify(q)} fallback={<ListSkeleton />}>
        <ReviewList film={film} q={q} base={base} />
      </Suspense>
    </div>
  );
}

async function ReviewList({ film, q, base }: { film: FilmDetail; q: ReviewListQuery; base: string }) {
  const [page, user] = await Promise.all([
    getReviewPage({ filmId: film.id, filmSlug: film.slug, sort: q.sort, rating: q.rating, cursor: q.cursor, dir: q.dir, limit: REVIEW_PAGE_SIZE }),
    getCurrentUser(),
  ]);
  const viewer = await viewerFor(user, page.items.map((r) => r.id));
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
          page.items.map((r) => <ReviewCard key={r.id} review={r} returnTo={base} viewer={viewer(r.id)} />)
        )}
      </section>
      <Pager base={base} sort={q.sort} rating={q.rating} prev={page.prev} next={page.next} />
    </>
  );
}

function ListSkeleton() {
  return (
    <div className="flex flex-col gap-4">
      <LoadingStatus label="Loading reviews…" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-24 w-full" />
      ))}
    </div>
  );
}
