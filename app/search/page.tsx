import type { Metadata } from "next";
import { Suspense } from "react";
import { getGenres } from "@/lib/data/genres";
import { searchFilms } from "@/lib/data/search";
import { parseSearchPageQuery } from "@/lib/validation/search";
import { SearchResults, SearchResultsSkeleton, SearchStart } from "@/components/search/SearchResults";

// Per request: results depend on the query and the database is not there at build time.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchPageQuery(await searchParams);
  return { title: q ? `“${q}” — search` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, folded } = parseSearchPageQuery(await searchParams);
  if (!q) return <SearchStart genres={await getGenres()} />;
  return (
    <Suspense key={folded} fallback={<SearchResultsSkeleton q={q} />}>
      <Results q={q} folded={folded} />
    </Suspense>
  );
}

async function Results({ q, folded }: { q: string; folded: string }) {
  const hits = await searchFilms(folded);
  return <SearchResults q={q} folded={folded} hits={hits} genres={hits.length ? [] : await getGenres()} />;
}
