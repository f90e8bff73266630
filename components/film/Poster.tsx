import { useId } from "react";
import { posterSvg } from "@/lib/poster";
import { posterImage } from "@/lib/uploads/paths";

/**
 * The film's uploaded poster (`src`, resized WebP sizes) or, without one, a generated
 * poster (nothing downloaded): an inline SVG from the slug and the title.
 * `decorative` hides it from assistive technology where the title is already said (cards).
 */
export function Poster({ slug, title, year, className = "", decorative = false, src }: { slug: string; title: string; year: number; className?: string; decorative?: boolean; src?: string | null }) {
  // One gradient id per copy: the same film can appear in several rows of a page.
  const gradientId = `g-${slug}${useId()}`;
  if (src) {
    const img = posterImage(src);
    return (
      <span className={`block aspect-[2/3] w-full overflow-hidden rounded-lg shadow-md ${className}`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- already resized to the page sizes */}
        <img src={img.src} srcSet={img.srcSet} sizes="(min-width: 640px) 200px, 50vw" alt={decorative ? "" : `Poster for ${title}`} width={400} height={600} className="h-full w-full object-cover" />
      </span>
    );
  }
  return (
    <span
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": `Poster for ${title}` })}
      className={`block aspect-[2/3] w-full overflow-hidden rounded-lg shadow-md [&>svg]:h-full [&>svg]:w-full ${className}`}
      dangerouslySetInnerHTML={{ __html: posterSvg(slug, title, year, gradientId) }}
    />
  );
}
