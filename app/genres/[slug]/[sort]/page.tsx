import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GenrePage, genreMetadata } from "@/components/catalog/GenrePage";
import { FILM_SORTS, type FilmSort } from "@/lib/validation/catalog";

// The first page of each sort, cached (next.config.ts rewrites /genres/x?sort=… here).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; sort: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return genreMetadata((await params).slug);
}

export default async function CachedGenrePage({ params }: Props) {
  const { slug, sort } = await params;
  if (!(FILM_SORTS as readonly string[]).includes(sort)) notFound();
  return <GenrePage slug={slug} state={{ sort: sort as FilmSort, dir: "next" }} />;
}
