import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getGenreRows, getNewReleases, getTopRated } from "@/lib/data/film-lists";
import { FilmRow } from "@/components/catalog/FilmRow";

// Cached for every visitor. next.config.ts rewrites the public address here: a dynamic
// segment lets the page be generated on its first request rather than at build time,
// when there is no database.
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}
type Props = { params: Promise<{ edition: string }> };

const description = "Browse new releases, the best-rated films and every genre. Read honest reviews from other viewers, then watch in your browser.";

export const metadata: Metadata = {
  title: { absolute: "Marquee — films worth your evening" },
  description,
  alternates: { canonical: "/" },
  openGraph: { title: "Marquee — films worth your evening", description, url: "/", type: "website", siteName: "Marquee" },
};

/**
 * Films per row. Phones scroll sideways through all of them; wider screens show two grid
 * lines of the featured rows and one of each genre row ("See all" for the rest).
 */
const ROW_SIZE = 12;
const GENRE_ROW_SIZE = 6;
const GENRE_ROWS = 10;

export default async function Home({ params }: Props) {
  if ((await params).edition !== "current") notFound();
  return (
    <div className="flex flex-col gap-8 sm:gap-10">
      <section className="rounded-2xl bg-surface p-6 sm:p-8">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Films worth your evening</h1>
        <p className="mt-2 max-w-2xl text-muted">
          Read what other viewers thought, then watch right in your browser. Start with{" "}
          <Link href="/films/the-work" className="font-semibold text-brand hover:underline">
            The Work
          </Link>
          , four days inside Folsom Prison.
        </p>
      </section>
      <NewReleases />
      <TopRated />
      <GenreRows />
      <p>
        <Link href="/genres" className="rounded px-1 font-semibold text-brand hover:underline">
          Browse all genres →
        </Link>
      </p>
    </div>
  );
}

async function NewReleases() {
  const films = await getNewReleases(ROW_SIZE);
  return <FilmRow id="new-releases" title="New releases" films={films} lines={2} />;
}

async function TopRated() {
  const films = await getTopRated(ROW_SIZE);
  return (
    <FilmRow
      id="top-rated"
      title="Top rated"
      note="Ranked by average rating, weighed by how many people rated: a handful of perfect scores does not outrank hundreds of great ones."
      films={films}
      lines={2}
    />
  );
}

async function GenreRows() {
  // The largest genres, biggest first; "Browse all genres" leads to the rest.
  const rows = await getGenreRows(GENRE_ROW_SIZE, 3, GENRE_ROWS);
  return (
    <>
      {rows.map((r) => (
        <FilmRow
          key={r.genre.slug}
          id={`genre-${r.genre.slug}`}
          title={r.genre.name}
          films={r.films}
          seeAll={{ href: `/genres/${r.genre.slug}`, label: `${r.genre.name} films` }}
        />
      ))}
    </>
  );
}
