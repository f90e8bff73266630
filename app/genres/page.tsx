import type { Metadata } from "next";
import Link from "next/link";
import { getGenres } from "@/lib/data/catalog";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

const description = "Every genre on Marquee, from animation to westerns, with how many films each holds.";

export const metadata: Metadata = {
  title: "Genres",
  description,
  alternates: { canonical: "/genres" },
  openGraph: { title: "Genres · Marquee", description, url: "/genres", type: "website", siteName: "Marquee" },
};

export default async function GenresPage() {
  const genres = await getGenres();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Genres</h1>
        <p className="mt-1 text-muted">Pick a genre to see all of its films, by popularity, rating or release date.</p>
      </div>
      {genres.length === 0 ? (
        <p className="rounded-lg bg-surface p-6 text-center text-muted">No genres yet.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {genres.map((g) => (
            <li key={g.slug}>
              <Link
                href={`/genres/${g.slug}`}
                className="flex h-full flex-col rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand"
              >
                <span className="font-semibold">{g.name}</span>{" "}
                <span className="text-sm text-muted">{g.filmCount === 1 ? "1 film" : `${g.filmCount} films`}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
