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
