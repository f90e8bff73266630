import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getGenres } from "@/lib/data/genres";

// Cached for every visitor. next.config.ts rewrites the public address here: a dynamic
// segment lets the page be generated on its first request rather than at build time,
// when there is no database.
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}
type Props = { params: Promise<{ edition: string }> };

const description = "Every genre on Marquee, from animation to westerns, with how many films each holds.";

export const metadata: Metadata = {
  title: "Genres",
  description,
  alternates: { canonical: "/genres" },
  openGraph: { title: "Genres · Marquee", description, url: "/genres", type: "website", siteName: "Marquee" },
};

export default async function GenresPage({ params }: Props) {
  if ((await params).edition !== "current") notFound();
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
              <Link href={`/genres/${g.slug}`} className="flex h-full flex-col rounded-xl border border-line bg-surface px-4 py-3 hover:border-brand">
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
