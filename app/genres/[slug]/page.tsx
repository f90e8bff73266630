import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getFilmPage, getGenreBySlug, type GenreSummary } from "@/lib/data/catalog";
import { isSlug } from "@/lib/slug";
import { FILM_SORT_LABELS, FILM_SORTS, filmListHref, GENRE_PAGE_SIZE, parseFilmListState, type FilmListState } from "@/lib/validation/catalog";
import { CursorPager } from "@/components/catalog/CursorPager";
import { FilmGrid } from "@/components/catalog/FilmGrid";
import { SortNav } from "@/components/catalog/SortNav";
import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(slug: string) {
  return isSlug(slug) ? getGenreBySlug(slug) : null;
}

const filmsLabel = (n: number) => (n === 1 ? "1 film" : `${n.toLocaleString("en-US")} films`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const genre = await load(slug);
  if (!genre) return { title: "Genre not found" };
  const title = `${genre.name} films`;
  const description = `${filmsLabel(genre.filmCount)} in ${genre.name} on Marquee: sort by popularity, rating or release date, read reviews and watch in your browser.`;
  return {
    title,
    description,
    alternates: { canonical: `/genres/${genre.slug}` },
    openGraph: { title: `${title} · Marquee`, description, url: `/genres/${genre.slug}`, type: "website", siteName: "Marquee" },
  };
}

const SORT_NOTES: Record<FilmListState["sort"], string> = {
  popular: "Most reviewed first.",
  top: "Highest rated first, weighing each film's average by how many people rated it.",
  newest: "Latest releases first.",
};

export default async function GenrePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const genre = await load(slug);
  if (!genre) notFound();
  const state = parseFilmListState(await searchParams);
  const base = `/genres/${genre.slug}`;

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/genres" className="text-brand hover:underline">
          ← All genres
        </Link>
      </nav>
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{genre.name}</h1>
        <p className="mt-1 text-muted">{filmsLabel(genre.filmCount)}</p>
      </div>
      <div className="flex flex-col gap-2">
        <SortNav
          label="Sort films"
          options={FILM_SORTS.map((s) => ({ href: filmListHref(base, { sort: s }), text: FILM_SORT_LABELS[s], current: s === state.sort }))}
        />
        <p className="text-sm text-muted">{SORT_NOTES[state.sort]}</p>
      </div>
      <Suspense key={JSON.stringify(state)} fallback={<GridSkeleton />}>
        <GenreFilms genre={genre} state={state} base={base} />
      </Suspense>
    </div>
  );
}

async function GenreFilms({ genre, state, base }: { genre: GenreSummary; state: FilmListState; base: string }) {
  const page = await getFilmPage({ genreId: genre.id, sort: state.sort, cursor: state.cursor, dir: state.dir, limit: GENRE_PAGE_SIZE });
  if (page.items.length === 0) {
    return (
      <p className="rounded-lg bg-surface p-6 text-center text-muted">
        {state.cursor ? "No more films here." : "No films in this genre yet."}{" "}
        <Link href={filmListHref(base, { sort: state.sort })} className="font-semibold text-brand hover:underline">
          Back to the first page
        </Link>
      </p>
    );
  }
  return (
    <>
      <FilmGrid films={page.items} label={`${genre.name} films, ${FILM_SORT_LABELS[state.sort].toLowerCase()}`} />
      <CursorPager
        label="Film pages"
        prevHref={page.prev ? filmListHref(base, { sort: state.sort, cursor: page.prev, dir: "prev" }) : null}
        nextHref={page.next ? filmListHref(base, { sort: state.sort, cursor: page.next, dir: "next" }) : null}
      />
    </>
  );
}

function GridSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5">
      <LoadingStatus label="Loading films…" />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i}>
          <Skeleton className="aspect-[2/3] w-full" />
          <Skeleton className="mt-2 h-4 w-3/4" />
        </div>
      ))}
    </div>
  );
}
