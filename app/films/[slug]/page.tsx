import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { filmNotFound } from "@/lib/film-not-found";
import { getFilmBySlug, getSimilarFilms, type FilmDetail } from "@/lib/data/films";
import { getReviewPage } from "@/lib/data/reviews";
import { metaLine } from "@/lib/format";
import { reviewCountLabel, summarize } from "@/lib/ratings";
import { isSlug } from "@/lib/slug";
import { Poster } from "@/components/film/Poster";
import { Synopsis } from "@/components/film/Synopsis";
import { FilmCard } from "@/components/film/FilmCard";
import { JsonLd, movieJsonLd } from "@/components/film/JsonLd";
import { Stars } from "@/components/ui/Stars";
import { RatingSummary } from "@/components/rating/RatingSummary";
import { WishlistButton } from "@/components/wishlist/WishlistButton";
import { RateThisMovie } from "@/components/reviews/ReviewComposer";
import { ReviewCard } from "@/components/reviews/ReviewCard";
import { CaptionLanguages } from "@/components/player/CaptionLanguages";
import { buttonClass } from "@/components/ui/Button";

// One cached page for every visitor (incremental static regeneration): rendered on the
// first request for a film, then served from the cache until a write expires its tags
// (lib/data/cache.ts). Nothing here reads the session: the member's own review, votes
// and wishlist state arrive in one request from the client islands.
export const revalidate = 3600;
export async function generateStaticParams() {
  // None at build time (the database is not there then): each film on first request.
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return isSlug(slug) ? getFilmBySlug(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const film = await load(slug);
  if (!film) return { title: "Film not found" };
  const title = `${film.title} (${film.year})`;
  const description = film.synopsis.length > 200 ? `${film.synopsis.slice(0, 197).trimEnd()}…` : film.synopsis;
  return {
    title: { absolute: `${title} · Marquee` },
    description,
    alternates: { canonical: `/films/${film.slug}` },
    openGraph: { title, description, type: "video.movie", url: `/films/${film.slug}` },
  };
}

export default async function FilmPage({ params }: Props) {
  const { slug } = await params;
  const film = await load(slug);
  if (!film) return filmNotFound(slug, "");
  const s = summarize(film.counts);
  const here = `/films/${film.slug}`;

  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="film-title" className="grid gap-6 sm:grid-cols-[minmax(0,1fr)_200px] sm:gap-10">
        <div className="order-2 flex flex-col gap-4 sm:order-1">
          <div>
            <h1 id="film-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
              {film.title}
            </h1>
            <p className="mt-2 text-muted">{metaLine(film.year, film.runtimeMinutes)}</p>
            <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Rating and genres">
              <li className="rounded border border-line px-2 py-0.5 font-medium" title="Content rating">
                <span className="sr-only">Content rating </span>
                {film.contentRating}
              </li>
              {film.genres.map((g) => (
                <li key={g.slug}>
                  <Link href={`/genres/${g.slug}`} className="inline-block rounded-full bg-surface px-3 py-0.5 hover:underline">
                    {g.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
          <p className="flex items-center gap-2 text-sm">
            {s.average !== null ? (
              <>
                <span className="text-lg font-semibold" aria-hidden="true">
                  {s.average.toFixed(1)}
                </span>
                <Stars value={s.exact ?? 0} label={`Average rating ${s.average.toFixed(1)} out of 5`} />
                <a href="#ratings" className="text-muted hover:underline">
                  {reviewCountLabel(s.count)}
                </a>
              </>
            ) : (
              <span className="text-muted">No reviews yet</span>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <div>
              <Link href={`${here}/watch`} className={buttonClass({ size: "hero", className: "inline-flex items-center gap-2" })}>
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                  <path d="M5 3.5v13l11-6.5z" />
                </svg>
                Watch in a web browser
              </Link>
              <p className="mt-1.5 text-xs text-muted">
                or on supported devices.{" "}
                <Link href="/help/devices" className="font-medium text-brand underline-offset-2 hover:underline">
                  Learn more<span className="sr-only"> about supported devices</span>
                </Link>
              </p>
            </div>
            <WishlistButton filmId={film.id} slug={film.slug} />
          </div>
        </div>
        <div className="order-1 w-28 sm:order-2 sm:w-full">
          <Poster slug={film.slug} title={film.title} year={film.year} src={film.posterPath} priority />
        </div>
      </section>

      <section aria-labelledby="about" className="max-w-3xl">
        <h2 id="about" className="mb-3 text-xl font-semibold">
          About this movie
        </h2>
        {film.tagline && <p className="mb-2 font-medium italic">{film.tagline}</p>}
        <Synopsis text={film.synopsis} />
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          {film.directors.length > 0 && (
            <>
              <dt className="text-muted">{film.directors.length > 1 ? "Directors" : "Director"}</dt>
              <dd>{film.directors.join(", ")}</dd>
            </>
          )}
          {film.cast.length > 0 && (
            <>
              <dt className="text-muted">Cast</dt>
              <dd>{film.cast.map((c) => c.name).join(", ")}</dd>
            </>
          )}
          <dt className="text-muted">Released</dt>
          <dd>
            <time dateTime={film.releaseDate}>
              {new Date(`${film.releaseDate}T00:00:00Z`).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })}
            </time>
          </dd>
          <CaptionLanguages captions={film.captions} />
        </dl>
      </section>

      <section aria-labelledby="ratings" className="max-w-3xl scroll-mt-20">
        <h2 id="ratings" className="mb-4 text-xl font-semibold">
          Ratings and reviews
        </h2>
        <RatingSummary counts={film.counts} />
        <div className="mt-8">
          <RateThisMovie filmId={film.id} slug={film.slug} />
        </div>
        <TopReviews film={film} />
      </section>

      <SimilarFilms filmId={film.id} />
    </div>
  );
}

/** The most helpful reviews, and the JSON-LD that quotes them. Streams in after the film. */
async function TopReviews({ film }: { film: FilmDetail }) {
  const top = await getReviewPage({ filmId: film.id, filmSlug: film.slug, sort: "helpful", limit: 4 });
  const here = `/films/${film.slug}`;
  return (
    <>
      <JsonLd data={movieJsonLd(film, top.items)} />
      <div className="mt-6">
        {top.items.length === 0 ? (
          <p className="text-muted">No reviews yet. Be the first to tell others what you thought.</p>
        ) : (
          top.items.map((r) => <ReviewCard key={r.id} review={r} returnTo={here} />)
        )}
      </div>
      {film.reviewCount > 0 && (
        <Link href={`${here}/reviews`} className="mt-4 inline-block rounded-lg px-1 font-semibold text-brand hover:underline">
          See all reviews
        </Link>
      )}
    </>
  );
}

async function SimilarFilms({ filmId }: { filmId: string }) {
  const similar = await getSimilarFilms(filmId);
  if (similar.length === 0) return null;
  return (
    <section aria-labelledby="similar">
      <h2 id="similar" className="mb-4 text-xl font-semibold">
        Similar films
      </h2>
      <ul className="no-scrollbar -mx-4 flex gap-4 overflow-x-auto px-4 pb-2">
        {similar.map((f) => (
          <li key={f.slug}>
            <FilmCard film={f} />
          </li>
        ))}
      </ul>
    </section>
  );
}
