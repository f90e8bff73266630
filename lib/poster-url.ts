// The poster's address. Generated posters depend only on the title and year, so the
// address carries a short hash of them: the image is cached for a year (immutable),
// and an edited title gets a new address.
export function posterVersion(title: string, year: number): string {
  let h = 0x811c9dc5;
  const s = `${title}|${year}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function posterUrl(slug: string, title: string, year: number): string {
  return `/films/${slug}/poster.svg?v=${posterVersion(title, year)}`;
}

/** Widths of the uploaded poster sizes the pages use (lib/uploads/paths.ts writes them). */
export const POSTER_WIDTHS = [200, 400, 800] as const;

/**
 * <img> attributes for an uploaded poster path: the base URL of its WebP sizes
 * (/uploads/posters/<stem>, files <stem>-<w>.webp) or one file when it was not resized.
 */
export function uploadedPosterImage(p: string): { src: string; srcSet?: string } {
  if (/\.(png|jpg|webp)$/.test(p)) return { src: p };
  return { src: `${p}-400.webp`, srcSet: POSTER_WIDTHS.map((w) => `${p}-${w}.webp ${w}w`).join(", ") };
}

/**
 * <img> attributes of a film's poster: its uploaded one when it has one, else the
 * generated one (cards, the film page).
 */
export function filmPosterImage(film: { slug: string; title: string; year: number; posterPath?: string | null }): { src: string; srcSet?: string } {
  return film.posterPath ? uploadedPosterImage(film.posterPath) : { src: posterUrl(film.slug, film.title, film.year) };
}
