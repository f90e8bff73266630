import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFilmBySlug } from "@/lib/data/films";
import { isSlug } from "@/lib/slug";
import { metaLine } from "@/lib/format";
import { Poster } from "@/components/film/Poster";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return { title: "Film not found" };
  return { title: `Watch ${film.title}`, alternates: { canonical: `/films/${film.slug}/watch` } };
}

export default async function WatchPage({ params }: Props) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) notFound();
  return (
    <div className="grid max-w-4xl gap-8 sm:grid-cols-[160px_1fr]">
      <div className="w-32 sm:w-full">
        <Poster slug={film.slug} title={film.title} year={film.year} />
      </div>
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Watch {film.title}</h1>
        <p className="text-muted">{metaLine(film.year, film.runtimeMinutes)}</p>
        <section aria-labelledby="how" className="rounded-xl bg-surface p-5">
          <h2 id="how" className="text-lg font-semibold">
            How to watch in your browser
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            <li>Use a current version of Chrome, Edge, Firefox or Safari on a computer, phone or tablet.</li>
            <li>Press play: the film streams straight into the page, no app or plug-in needed.</li>
            <li>Use Space to play or pause, the arrow keys to skip, and F for full screen.</li>
          </ol>
          <p className="mt-3 text-sm text-muted">The in-browser player is on its way. Until then, this page explains what you will need.</p>
        </section>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/help/devices" className="font-semibold text-brand hover:underline">
            Supported browsers and devices
          </Link>
          <Link href={`/films/${film.slug}`} className="font-semibold text-brand hover:underline">
            Back to {film.title}
          </Link>
        </p>
      </div>
    </div>
  );
}
