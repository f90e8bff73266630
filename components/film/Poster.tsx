import { filmPosterImage } from "@/lib/poster-url";

/**
 * A film's poster as an image: the uploaded one (`src`, resized WebP sizes) or the
 * generated one (cached for a year by the browser). `decorative` hides it from assistive
 * technology where the title is already said (cards); `priority` loads it at once (the
 * film page's own poster) instead of when it scrolls into view.
 */
export function Poster({
  slug,
  title,
  year,
  className = "",
  decorative = false,
  priority = false,
  src,
}: {
  slug: string;
  title: string;
  year: number;
  className?: string;
  decorative?: boolean;
  priority?: boolean;
  src?: string | null;
}) {
  const image = filmPosterImage({ slug, title, year, posterPath: src });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- SVG posters and pre-resized uploads need no optimiser
    <img
      src={image.src}
      {...(image.srcSet ? { srcSet: image.srcSet, sizes: "(min-width: 640px) 200px, 50vw" } : {})}
      alt={decorative ? "" : `Poster for ${title}`}
      width={200}
      height={300}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      {...(priority ? { fetchPriority: "high" as const } : {})}
      className={`block aspect-[2/3] h-auto w-full rounded-lg bg-surface object-cover shadow-md ${className}`}
    />
  );
}
