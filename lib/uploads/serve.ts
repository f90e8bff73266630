// Serves an uploaded file from UPLOAD_DIR: names are random and never reused, so caches
// may keep them for a year. The media files' one serving path (Range, ETag, If-Range,
// Last-Modified, HEAD) serves them: lib/media/serve.ts.
import { IMMUTABLE_CACHE_CONTROL, notFound, serveFile } from "../media/serve";
import { CONTENT_TYPES, uploadFilePath } from "./paths";

export async function serveUpload(req: Request, kind: string, name: string): Promise<Response> {
  const file = uploadFilePath(kind, name);
  if (!file) return notFound();
  const ext = name.slice(name.lastIndexOf(".") + 1);
  return serveFile(req, file, CONTENT_TYPES[ext] ?? "application/octet-stream", IMMUTABLE_CACHE_CONTROL);
}
