// Serves an uploaded file from UPLOAD_DIR: names are random and never reused, so caches
// may keep them for a year; Range requests for trailers.
import fs from "node:fs";
import { Readable } from "node:stream";
import { contentRange, decideRange, unsatisfiedRange } from "../media/range";
import { CONTENT_TYPES, uploadFilePath } from "./paths";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function serveUpload(req: Request, kind: string, name: string): Promise<Response> {
  const file = uploadFilePath(kind, name);
  if (!file) return notFound();
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(/*turbopackIgnore: true*/ file);
  } catch {
    return notFound();
  }
  if (!stat.isFile()) return notFound();
  const ext = name.slice(name.lastIndexOf(".") + 1);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    "Content-Type": CONTENT_TYPES[ext] ?? "application/octet-stream",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: etag,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const decision = decideRange(req.headers.get("range"), stat.size);
  const head = req.method === "HEAD";
  const stream = (start?: number, end?: number) =>
    Readable.toWeb(fs.createReadStream(/*turbopackIgnore: true*/ file, start === undefined ? {} : { start, end })) as unknown as ReadableStream<Uint8Array>;
  if (decision.kind === "unsatisfiable") {
    headers.set("Content-Range", unsatisfiedRange(stat.size));
    return new Response(null, { status: 416, headers });
  }
  if (decision.kind === "partial") {
    headers.set("Content-Range", contentRange(decision.range, stat.size));
    headers.set("Content-Length", String(decision.range.end - decision.range.start + 1));
    return new Response(head ? null : stream(decision.range.start, decision.range.end), { status: 206, headers });
  }
  headers.set("Content-Length", String(stat.size));
  return new Response(head ? null : stream(), { status: 200, headers });
}
