import { ImageResponse } from "next/og";
import { getFilmBySlug } from "@/lib/data/films";
import { metaLine } from "@/lib/format";
import { ogSafeText } from "@/lib/og-text";
import { paletteFor, posterShape, titleLines } from "@/lib/poster";
import { reviewCountLabel, summarize } from "@/lib/ratings";
import { isSlug } from "@/lib/slug";

// The picture shown when a film's link is shared: its generated poster, title, year,
// running time and rating. Drawn per request from cached data; nothing is fetched
// (the bundled font only, text reduced to its glyphs by ogSafeText, shapes as SVG).
export const dynamic = "force-dynamic";
export const alt = "The film's poster, title, year, running time and average rating on Marquee";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z";
const GOLD = "#fbbf24";

function Star({ fill, px, ink }: { fill: number; px: number; ink: string }) {
  return (
    <div style={{ display: "flex", position: "relative", width: px, height: px, marginRight: 6 }}>
      <svg width={px} height={px} viewBox="0 0 20 20" style={{ position: "absolute", left: 0, top: 0 }}>
        <path d={STAR} fill={ink} fillOpacity={0.25} />
      </svg>
      <div style={{ display: "flex", position: "absolute", left: 0, top: 0, width: Math.round(px * fill), height: px, overflow: "hidden" }}>
        <svg width={px} height={px} viewBox="0 0 20 20">
          <path d={STAR} fill={GOLD} />
        </svg>
      </div>
    </div>
  );
}

/** The generated poster (lib/poster.ts) redrawn at 1.6× for the image renderer. */
function PosterPanel({ slug, title, year }: { slug: string; title: string; year: number }) {
  const p = paletteFor(slug);
  const lines = titleLines(title);
  const shape = posterShape(slug);
  const k = 1.6;
  const fontSize = (lines.some((l) => l.length > 9) ? 20 : 24) * k;
  return (
    <div
      style={{
        display: "flex",
        position: "relative",
        width: 200 * k,
        height: 300 * k,
        borderRadius: 18,
        overflow: "hidden",
        backgroundImage: `linear-gradient(160deg, ${p.from}, ${p.to})`,
        boxShadow: "0 24px 60px rgba(0,0,0,0.45)",
      }}
    >
      <svg width={200 * k} height={300 * k} viewBox="0 0 200 300" style={{ position: "absolute", left: 0, top: 0 }}>
        {shape === 0 && <circle cx="150" cy="70" r="46" fill={p.accent} fillOpacity={0.85} />}
        {shape === 1 && <rect x="0" y="214" width="200" height="10" fill={p.accent} fillOpacity={0.9} />}
        {shape === 2 && <path d="M0 300 L100 200 L200 300 Z" fill={p.accent} fillOpacity={0.35} />}
      </svg>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          justifyContent: "center",
          position: "absolute",
          left: 0,
          top: 0,
          width: 200 * k,
          height: 300 * k,
          padding: 20,
          color: p.ink,
          fontSize,
          letterSpacing: 2,
          lineHeight: 1.15,
        }}
      >
        {lines.map((l, i) => (
          <div key={i} style={{ display: "flex", textAlign: "center" }}>
            {ogSafeText(l, " ")}
          </div>
        ))}
      </div>
      <div
        style={{
          display: "flex",
          position: "absolute",
          left: 0,
          bottom: 24,
          width: 200 * k,
          justifyContent: "center",
          color: p.ink,
          opacity: 0.75,
          fontSize: 19,
          letterSpacing: 5,
        }}
      >
        {String(year)}
      </div>
    </div>
  );
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const film = isSlug(slug) ? await getFilmBySlug(slug) : null;
  if (!film) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });

  const p = paletteFor(film.slug);
  const s = summarize(film.counts);
  const title = ogSafeText(film.title, film.slug.replace(/-/g, " "));
  const titleSize = title.length > 40 ? 56 : title.length > 22 ? 68 : 84;

  return new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        alignItems: "center",
        padding: "0 80px",
        backgroundImage: `linear-gradient(120deg, #0f1412 0%, #0f1412 45%, ${p.to} 100%)`,
        color: "#f3f4f6",
      }}
    >
      <PosterPanel slug={film.slug} title={film.title} year={film.year} />
      <div style={{ display: "flex", flexDirection: "column", marginLeft: 72, width: 620 }}>
        <div style={{ display: "flex", alignItems: "center", fontSize: 28, color: "#b6bec9" }}>
          <div
            style={{
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              width: 40,
              height: 40,
              borderRadius: 8,
              background: "#4ade80",
              color: "#052e16",
              fontSize: 26,
              marginRight: 14,
            }}
          >
            M
          </div>
          Marquee
        </div>
        <div style={{ display: "flex", marginTop: 28, fontSize: titleSize, lineHeight: 1.05, letterSpacing: -1, color: "#ffffff" }}>{title}</div>
        <div style={{ display: "flex", marginTop: 20, fontSize: 34, color: "#d1d5db" }}>{metaLine(film.year, film.runtimeMinutes)}</div>
        <div style={{ display: "flex", alignItems: "center", marginTop: 40 }}>
          {s.average !== null ? (
            <>
              <div style={{ display: "flex", fontSize: 56, marginRight: 20, color: "#ffffff" }}>{s.average.toFixed(1)}</div>
              {[1, 2, 3, 4, 5].map((i) => (
                <Star key={i} px={42} ink="#f3f4f6" fill={Math.max(0, Math.min(1, (s.exact ?? 0) - (i - 1)))} />
              ))}
              <div style={{ display: "flex", fontSize: 30, marginLeft: 16, color: "#b6bec9" }}>{reviewCountLabel(s.count)}</div>
            </>
          ) : (
            <div style={{ display: "flex", fontSize: 32, color: "#b6bec9" }}>No reviews yet</div>
          )}
        </div>
      </div>
    </div>,
    {
      ...size,
      // Ratings change: let shared caches keep it an hour, not the default year.
      headers: { "cache-control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400" },
    },
  );
}
