import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { loadFilmForEdit } from "@/lib/data/film-writes";
import { FilmForm } from "@/components/admin/FilmForm";
import { FilmStateActions } from "@/components/admin/FilmStateActions";
import { AdminPage } from "@/components/admin/AdminList";
import { StreamingStatus } from "@/components/admin/StreamingStatus";
import { streamingStatus } from "@/lib/media/streaming";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit film · Catalog editor", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditFilmPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePage(canEditCatalog, `/admin/films/${encodeURIComponent(id)}`);
  const film = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await loadFilmForEdit(id) : null;
  if (!film) notFound();
  const created = (await searchParams).created === "1";
  return (
    <AdminPage user={user} current="/admin/films" title={`Edit ${film.title}`}>
      {created && (
        <p role="status" className="rounded-lg bg-surface p-3">
          Film created.
        </p>
      )}
      <p className="text-sm">
        {film.published ? (
          <Link href={`/films/${film.slug}`} className="text-brand underline">
            View the film’s page
          </Link>
        ) : (
          <span className="text-muted">Unpublished: visitors can’t find this film.</span>
        )}{" "}
        · {film.reviewCount === 1 ? "1 review" : `${film.reviewCount} reviews`}
      </p>
      <FilmStateActions filmId={film.id} title={film.title} published={film.published} canDelete={film.reviewCount === 0} />
      {film.trailerPath?.startsWith("/uploads/") && <StreamingStatus filmId={film.id} initial={streamingStatus(film.slug)} />}
      <FilmForm
        initial={{
          filmId: film.id,
          title: film.title,
          slug: film.slug,
          year: String(film.year),
          releaseDate: film.releaseDate,
          runtimeMinutes: String(film.runtimeMinutes),
          tagline: film.tagline,
          synopsis: film.synopsis,
          contentRating: film.contentRating,
          genres: film.genres.join(", "),
          directors: film.directors.join("\n"),
          cast: film.cast.join("\n"),
          publisher: film.publisher,
          published: String(film.published),
          posterPath: film.posterPath ?? "",
          trailerPath: film.trailerPath ?? "",
        }}
      />
    </AdminPage>
  );
}
