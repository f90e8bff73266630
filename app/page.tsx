import Link from "next/link";
import { Suspense } from "react";
import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";
import { getAllFilmCards } from "@/lib/data/films";
import { FilmCard } from "@/components/film/FilmCard";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

export default function Home() {
  return (
    <div className="flex flex-col gap-6">
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
      <section aria-labelledby="all-films">
        <h2 id="all-films" className="mb-4 text-xl font-semibold">
          All films
        </h2>
        <Suspense fallback={<GridSkeleton />}>
          <AllFilms />
        </Suspense>
      </section>
    </div>
  );
}

async function AllFilms() {
  const films = await getAllFilmCards();
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-4 lg:grid-cols-6">
      {films.map((f) => (
        <li key={f.slug} className="[&>a]:w-full">
          <FilmCard film={f} />
        </li>
      ))}
    </ul>
  );
}

function GridSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-6">
      <LoadingStatus label="Loading films…" />
      {Array.from({ length: 12 }, (_, i) => (
        <Skeleton key={i} className="aspect-[2/3] w-full" />
      ))}
    </div>
  );
}
