import { useId } from "react";
import { posterSvg } from "@/lib/poster";

/** A generated poster (nothing downloaded): an inline SVG from the slug and the title. */
/** `decorative` hides it from assistive technology where the title is already said (cards). */
export function Poster({ slug, title, year, className = "", decorative = false }: { slug: string; title: string; year: number; className?: string; decorative?: boolean }) {
  // One gradient id per copy: the same film can appear in several rows of a page.
  const gradientId = `g-${slug}${useId()}`;
  return (
    <span
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": `Poster for ${title}` })}
      className={`block aspect-[2/3] w-full overflow-hidden rounded-lg shadow-md [&>svg]:h-full [&>svg]:w-full ${className}`}
      dangerouslySetInnerHTML={{ __html: posterSvg(slug, title, year, gradientId) }}
    />
  );
}
