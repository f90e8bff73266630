import "server-only";
import { getCaptionTrack } from "../data/captions";
import { isSlug } from "../slug";
import { parseCaptionFile } from "./captions";
import { IMMUTABLE_CACHE_CONTROL } from "./serve";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * A film's caption track as text/vtt: /media/captions/<slug>/<lang>.<version>.vtt. The
 * current version is immutable; an older version (a page cached before a new upload)
 * gets the current text with a short cache life.
 */
export async function serveCaptions(req: Request, slug: string, file: string): Promise<Response> {
  const parsed = parseCaptionFile(file);
  if (!parsed || !isSlug(slug)) return notFound();
  const track = await getCaptionTrack(slug, parsed.lang);
  if (!track) return notFound();
  const etag = `"${track.version}"`;
  const headers = new Headers({
    "Content-Type": "text/vtt; charset=utf-8",
    "Cache-Control": track.version === parsed.version ? IMMUTABLE_CACHE_CONTROL : "public, max-age=60",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  });
  if (req.headers.get("if-none-match")?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(track.content, { status: 200, headers });
}
