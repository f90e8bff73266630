import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getFilmPage } from "@/lib/data/film-lists";
import { getGenreBySlug, type GenreSummary } from "@/lib/data/genres";
import { isSlug } from "@/lib/slug";
import { FILM_SORT_LABELS, FILM_SORTS, filmListHref, GENRE_PAGE_SIZE, type FilmListState } from "@/lib/validation/catalog";
import { CursorPager } from "../ui/CursorPager";
import { FilmGrid } from "./FilmGrid";
import { SortNav } from "./SortNav";

// A genre's films (/genres/[slug]?sort=&cursor=&dir=). next.config.ts rewrites the first
// page of each sort to a cached route (app/genres/[slug]/[sort]) and deeper pages, with a
// cursor, to a rendered one (app/genres/[slug]/deep): both show this page.

async function load(slug: string) {
  return isSlug(slug) ? getGenreBySlug(slug) : null;
}

const filmsLabel = (n: number) => (n === 1 ? "1 film" : `${n.toLocaleString("en-US")} films`);

export async function genreMetadata(slug: string): Promise<Metadata> {
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

export async function GenrePage({ slug, state }: { slug: string; state: FilmListState }) {
  const genre = await load(slug);
  if (!genre) notFound();
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
      <GenreFilms genre={genre} state={state} base={base} />
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
