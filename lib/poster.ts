// Generated posters: a palette and a layout picked from the slug, the title set in type.

export type PosterPalette = { from: string; to: string; accent: string; ink: string };

const PALETTES: PosterPalette[] = [
  { from: "#1e3a5f", to: "#0b1320", accent: "#f2b134", ink: "#fdf6e3" },
  { from: "#6b1d2a", to: "#1c0a0f", accent: "#f7c59f", ink: "#fff4ec" },
  { from: "#134e4a", to: "#061a19", accent: "#fbbf24", ink: "#f0fdfa" },
  { from: "#3b0764", to: "#12021f", accent: "#f0abfc", ink: "#faf5ff" },
  { from: "#7c2d12", to: "#1f0b04", accent: "#fde68a", ink: "#fff7ed" },
  { from: "#1f2937", to: "#030712", accent: "#f87171", ink: "#f9fafb" },
  { from: "#14532d", to: "#052e16", accent: "#bef264", ink: "#f7fee7" },
  { from: "#0c4a6e", to: "#04121c", accent: "#7dd3fc", ink: "#f0f9ff" },
  { from: "#713f12", to: "#1c1005", accent: "#fcd34d", ink: "#fefce8" },
  { from: "#831843", to: "#22030f", accent: "#fda4af", ink: "#fff1f2" },
];

/** FNV-1a: a small stable hash that runs anywhere (server, browser, edge). */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function paletteFor(slug: string): PosterPalette {
  return PALETTES[hashOf(slug) % PALETTES.length]!;
}

/** Breaks a title into at most 4 lines of about `width` characters. */
export function titleLines(title: string, width = 11): string[] {
  const words = title.toUpperCase().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && (line + " " + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length > 4)
    return [
      ...lines.slice(0, 3),
      lines
        .slice(3)
        .join(" ")
        .slice(0, width - 1) + "…",
    ];
  return lines;
}

export function posterShape(slug: string): number {
  return hashOf(`${slug}:shape`) % 3;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The poster as a standalone SVG document (for the page, JSON-LD and Open Graph).
 * Inline on a page, give each copy its own `gradientId`: ids are document-wide, and a
 * copy whose gradient lives in a hidden element would otherwise paint blank.
 */
export function posterSvg(slug: string, title: string, year: number, gradientId = `g-${slug}`): string {
  const p = paletteFor(slug);
  const lines = titleLines(title);
  const shape = posterShape(slug);
  const id = gradientId.replace(/[^A-Za-z0-9_-]/g, "");
  const size = lines.some((l) => l.length > 9) ? 20 : 24;
  const top = 150 - ((lines.length - 1) * (size + 4)) / 2;
  const deco = [
    `<circle cx="150" cy="70" r="46" fill="${p.accent}" opacity="0.85"/>`,
    `<rect x="0" y="214" width="200" height="10" fill="${p.accent}" opacity="0.9"/>`,
    `<path d="M0 300 L100 200 L200 300 Z" fill="${p.accent}" opacity="0.35"/>`,
  ][shape];
  const text = lines.map((l, i) => `<text x="100" y="${top + i * (size + 4)}" font-size="${size}" letter-spacing="1">${esc(l)}</text>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 300" width="200" height="300">` +
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient></defs>` +
    `<rect width="200" height="300" fill="url(#${id})"/>${deco}` +
    `<g fill="${p.ink}" font-family="ui-sans-serif, system-ui, sans-serif" font-weight="800" text-anchor="middle">${text}</g>` +
    `<text x="100" y="280" fill="${p.ink}" opacity="0.75" font-family="ui-sans-serif, system-ui, sans-serif" font-size="12" text-anchor="middle" letter-spacing="3">${year}</text>` +
    `</svg>`
  );
}
