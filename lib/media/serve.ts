// Serves media files with HTTP Range support, streamed from disk (never read whole: a
// request reads exactly the bytes of its range). The routes (app/media/...) only hand over
// the request: trailers, HLS playlists and segments, poster frames.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parseMediaName, trailerFilePath } from "./files";
import { hlsFilePath } from "./hls";
import { posterFileName } from "./captions";
import { contentRange, decideRange, ifRangeAllows, noneMatch, unsatisfiedRange, type ByteRange } from "./range";

/** A day in caches; the ETag lets them revalidate cheaply after that. */
export const MEDIA_CACHE_CONTROL = "public, max-age=86400";
/** For URLs that name bytes that never change (versioned HLS folders, caption versions). */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

export function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function body(file: string, range?: ByteRange): ReadableStream<Uint8Array> {
  const stream = fs.createReadStream(/*turbopackIgnore: true*/ file, range ? { start: range.start, end: range.end } : {});
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}

/** Whole seconds: HTTP dates have no finer grain. */
function notModifiedSince(header: string | null, mtimeMs: number): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

export async function serveTrailer(req: Request, name: string): Promise<Response> {
  const parsed = parseMediaName(name);
  const file = trailerFilePath(name);
  if (!parsed || !file) return notFound();
  return serveFile(req, file, parsed.type, MEDIA_CACHE_CONTROL);
}

/** An HLS playlist, init segment or segment: `parts` is the path after /media/hls/. */
export async function serveHls(req: Request, parts: string[]): Promise<Response> {
  const found = hlsFilePath(parts);
  if (!found) return notFound();
  return serveFile(req, found.file, found.type, IMMUTABLE_CACHE_CONTROL);
}

const POSTER = /^([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)\.jpg$/;

/** A poster frame, media/posters/<slug>.jpg. */
export async function servePoster(req: Request, name: string): Promise<Response> {
  const m = POSTER.exec(name);
  if (!m) return notFound();
  const dir = path.join(process.cwd(), "media", "posters");
  return serveFile(req, path.join(dir, posterFileName(m[1]!)), "image/jpeg", MEDIA_CACHE_CONTROL);
}

/** One file on disk with validators, conditional GET and a single byte range. */
export async function serveFile(req: Request, file: string, type: string, cacheControl: string): Promise<Response> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(/*turbopackIgnore: true*/ file);
  } catch {
    return notFound();
  }
  if (!stat.isFile()) return notFound();

  const size = stat.size;
  const etag = `"${size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const lastModified = stat.mtime.toUTCString();
  const head = req.method === "HEAD";
  const headers = new Headers({
    "Content-Type": type,
    "Accept-Ranges": "bytes",
    "Cache-Control": cacheControl,
    ETag: etag,
    "Last-Modified": lastModified,
    "X-Content-Type-Options": "nosniff",
  });

  // Conditional GET: If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).
  const inm = req.headers.get("if-none-match");
  if (inm != null ? noneMatch(inm, etag) : notModifiedSince(req.headers.get("if-modified-since"), stat.mtimeMs)) {
    return new Response(null, { status: 304, headers });
  }

  const rangeHeader = ifRangeAllows(req.headers.get("if-range"), etag, lastModified) ? req.headers.get("range") : null;
  const decision = decideRange(rangeHeader, size);

  if (decision.kind === "unsatisfiable") {
    headers.set("Content-Range", unsatisfiedRange(size));
    headers.set("Content-Length", "0");
    return new Response(null, { status: 416, headers });
  }
  if (decision.kind === "partial") {
    const { range } = decision;
    headers.set("Content-Range", contentRange(range, size));
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(head ? null : body(file, range), { status: 206, headers });
  }
  headers.set("Content-Length", String(size));
  return new Response(head || size === 0 ? null : body(file), { status: 200, headers });
}
