import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { filmNotFound } from "@/lib/film-not-found";
import { getFilmBySlug } from "@/lib/data/films";
import { streamExtras, trailerSources } from "@/lib/media/sources";
import { captionUrl } from "@/lib/media/captions";
import { loadPlayerPrefs } from "@/lib/data/captions";
import { TRAILER_SECONDS } from "@/lib/media/files";
import { isSlug } from "@/lib/slug";
import { metaLine } from "@/lib/format";
import { Poster } from "@/components/film/Poster";
import { TrailerPlayer } from "@/components/player/TrailerPlayer";
import { KeyboardShortcuts } from "@/components/player/KeyboardShortcuts";
import { MemberTrailerPlayer } from "@/components/player/MemberTrailerPlayer";
import { getCurrentUser } from "@/lib/auth/session";
import { loadProgress } from "@/lib/data/progress";

// Rendered per request from cached data (lib/data): the database is not there at build time.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return { title: "Film not found" };
  const description = `Watch ${film.title} (${film.year}) in your web browser: no app or plug-in needed.`;
  return {
    title: `Watch ${film.title}`,
    description,
    alternates: { canonical: `/films/${film.slug}/watch` },
    openGraph: {
      title: `Watch ${film.title} (${film.year})`,
      description,
      type: "video.movie",
      url: `/films/${film.slug}/watch`,
      images: [{ url: `/films/${film.slug}/opengraph-image`, width: 1200, height: 630, alt: `${film.title} on Marquee` }],
    },
  };
}

export default async function WatchPage({ params }: Props) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return filmNotFound(slug, "/watch");
  const [sources, extras, user] = await Promise.all([
    trailerSources(film.trailerPath ?? `/media/trailers/${film.slug}.webm`),
    streamExtras(film.slug),
    getCurrentUser(),
  ]);
  const [serverPosition, prefs] = user ? await Promise.all([loadProgress(user.id, film.id), loadPlayerPrefs(user.id)]) : [null, null];
  const captions = film.captions.map((c) => ({
    lang: c.lang,
    label: c.label,
    kind: c.kind === "SUBTITLES" ? ("subtitles" as const) : ("captions" as const),
    src: captionUrl(film.slug, c.lang, c.version),
  }));
  // The adaptive stream goes with our own files only (an outside trailer address has none).
  const media = { hls: sources.length && sources[0]!.src.startsWith("/media/") ? extras.hls : null, poster: extras.poster, captions };
  const caption = `Preview, ${TRAILER_SECONDS} seconds: colour bars in this film's colours and a tone that pips once a second. It stands in for the trailer of ${film.title} until the full film streams here.`;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div className="flex items-center gap-4">
        <div className="w-14 shrink-0 sm:w-16">
          <Poster slug={film.slug} title={film.title} year={film.year} />
        </div>
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Watch {film.title}</h1>
          <p className="text-sm text-muted">{metaLine(film.year, film.runtimeMinutes)}</p>
        </div>
      </div>

      {sources.length && user ? (
        <MemberTrailerPlayer
          filmId={film.id}
          slug={film.slug}
          title={film.title}
          sources={sources}
          caption={caption}
          initialPosition={serverPosition ?? undefined}
          initialCaptionLang={prefs ? prefs.captionLang : undefined}
          {...media}
        />
      ) : sources.length ? (
        <TrailerPlayer slug={film.slug} title={film.title} sources={sources} caption={caption} {...media} />
      ) : (
        <div className="grid aspect-video place-items-center rounded-xl border border-line bg-surface p-6 text-center">
          <div>
            <p className="text-lg font-semibold">No preview for this film yet</p>
            <p className="mt-1 text-sm text-muted">Check back soon: we add previews as studios send them.</p>
          </div>
        </div>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="keys" className="rounded-xl bg-surface p-5">
          <h2 id="keys" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <p className="mt-1 text-sm text-muted">Select the player first: click it, or move to it with Tab.</p>
          <div className="mt-4">
            <KeyboardShortcuts />
          </div>
        </section>
        <section aria-labelledby="how" className="flex flex-col rounded-xl bg-surface p-5">
          <h2 id="how" className="text-lg font-semibold">
            Watching in your browser
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm">
            <li>Plays in current Chrome, Edge, Firefox and Safari on computers, phones and tablets: no app or plug-in.</li>
            <li>Leave whenever you like. Come back and it picks up where you stopped: in the same browser, or on any device when you are signed in.</li>
            <li>No sound? Check the mute button in the player and your device&apos;s volume.</li>
            <li>Captions, picture quality and speed are under the player. The quality follows your connection unless you pick one.</li>
          </ul>
          <p className="mt-auto flex flex-wrap gap-x-4 gap-y-2 pt-4 text-sm">
            <Link href="/help/devices" className="font-semibold text-brand hover:underline">
              Supported browsers and devices
            </Link>
            <Link href={`/films/${film.slug}`} className="font-semibold text-brand hover:underline">
              Back to {film.title}
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
