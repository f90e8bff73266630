import type { Metadata } from "next";
import { GenrePage, genreMetadata } from "@/components/catalog/GenrePage";
import { parseFilmListState } from "@/lib/validation/catalog";

// Pages after the first (a cursor in the URL): rendered per request from cached data, so
// arbitrary cursors cannot fill the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return genreMetadata((await params).slug);
}

export default async function DeepGenrePage({ params, searchParams }: Props) {
  const { slug } = await params;
  return <GenrePage slug={slug} state={parseFilmListState(await searchParams)} />;
}
