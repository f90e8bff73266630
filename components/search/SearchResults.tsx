import Link from "@/components/ui/Link";
import { FilmCard } from "@/components/film/FilmCard";
import { LoadingStatus, Skeleton } from "@/components/ui/Skeleton";
import type { GenreSummary } from "@/lib/data/genres";
import type { SearchHit } from "@/lib/data/search";
import { SUGGEST_MIN_LENGTH, searchHref } from "@/lib/validation/search";
import { chipClass } from "../ui/chip";

const EXAMPLES = ["Hayao Miyazaki", "documentary", "godfathr", "Tom Hanks"];

const chip = chipClass();

/** /search with no query: what the box can find, and ways in. */
export function SearchStart({ genres }: { genres: GenreSummary[] }) {
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Search films</h1>
        <p className="mt-2 text-muted">
          Look for a title, a director or an actor, or a genre. Close is good enough: a typo or a missing accent still finds the film.
        </p>
      </div>
      <section aria-labelledby="search-examples">
        <h2 id="search-examples" className="mb-2 font-semibold">
          Try one of these
        </h2>
        <ul className="flex flex-wrap gap-2">
          {EXAMPLES.map((q) => (
            <li key={q}>
              <Link href={searchHref(q)} className={chip}>
                {q}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <GenreLinks genres={genres} />
    </div>
  );
}

export function SearchResults({ q, folded, hits, genres }: { q: string; folded: string; hits: SearchHit[]; genres: GenreSummary[] }) {
  if (hits.length === 0) {
    const tooShort = folded.length < SUGGEST_MIN_LENGTH;
    return (
      <div className="flex max-w-3xl flex-col gap-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">No films match “{q}”</h1>
          <p className="mt-2 text-muted">
            {tooShort
              ? "Type at least two letters or digits of a title, a name or a genre."
              : "Check the spelling, use fewer words, or look for a director, an actor or a genre instead."}
          </p>
        </div>
        <GenreLinks genres={genres} />
        <p>
          <Link href="/" className="font-semibold text-brand underline-offset-2 hover:underline">
            Browse all films
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 id="search-results" className="text-2xl font-bold tracking-tight break-words sm:text-3xl">
          Results for “{q}”
        </h1>
        <p className="mt-1 text-sm text-muted">
          {hits.length} {hits.length === 1 ? "film" : "films"}, closest match first
        </p>
      </div>
      <ul aria-labelledby="search-results" className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-4 lg:grid-cols-6">
        {hits.map((hit) => (
          <li key={hit.slug} className="[&>a]:w-full">
            <FilmCard film={hit} />
            <MatchReason hit={hit} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function MatchReason({ hit }: { hit: SearchHit }) {
  if (hit.matchedBy === "title" || !hit.matchedName) return null;
  const text = hit.matchedBy === "genre" ? hit.matchedName : hit.role === "DIRECTOR" ? `Directed by ${hit.matchedName}` : `With ${hit.matchedName}`;
  return <p className="mt-1 line-clamp-2 text-xs text-muted">{text}</p>;
}

function GenreLinks({ genres }: { genres: GenreSummary[] }) {
  if (!genres.length) return null;
  return (
    <section aria-labelledby="search-genres">
      <h2 id="search-genres" className="mb-2 font-semibold">
        Browse by genre
      </h2>
      <ul className="flex flex-wrap gap-2">
        {genres.map((g) => (
          <li key={g.name}>
            <Link href={searchHref(g.name)} className={chip}>
              {g.name} <span className="text-muted">{g.filmCount}</span>
              <span className="sr-only"> {g.filmCount === 1 ? "film" : "films"}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SearchResultsSkeleton({ q }: { q: string }) {
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">Results for “{q}”</h1>
        <Skeleton className="mt-2 h-4 w-40" />
      </div>
      <LoadingStatus label="Searching…" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="aspect-[2/3] w-full" />
        ))}
      </div>
    </div>
  );
}
