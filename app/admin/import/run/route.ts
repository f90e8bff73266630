import { getCurrentUser } from "@/lib/auth/session";
import { canEditCatalog } from "@/lib/auth/roles";
import { importCatalog } from "@/lib/data/catalog-import";
import { detectFormat } from "@/lib/catalog/format";

// The editor's bulk import: the uploaded file is read, then each batch reports progress
// as a line of JSON ({ type: "progress" }), and the last line is the report, with the
// slugs of the films that changed.
export const dynamic = "force-dynamic";

const MAX_BYTES = 100 * 1024 * 1024;
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(req: Request) {
  const user = await getCurrentUser();
  if (!user) return json(401, { ok: false, message: "Sign in to import." });
  if (!canEditCatalog(user)) return json(403, { ok: false, message: "Only catalog editors can import." });
  if (Number(req.headers.get("content-length") ?? "0") > MAX_BYTES)
    return json(413, { ok: false, message: "The file is larger than 100 MB: use npm run catalog:import." });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return json(400, { ok: false, message: "Send the file as a form upload." });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return json(400, { ok: false, message: "Choose a file to import." });
  if (file.size > MAX_BYTES) return json(413, { ok: false, message: "The file is larger than 100 MB: use npm run catalog:import." });
  const dryRun = form.get("dryRun") === "on" || form.get("dryRun") === "true";
  const text = await file.text();
  const format = detectFormat(file.name, text.slice(0, 64));
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(enc.encode(`${JSON.stringify(o)}\n`));
      let read = 0;
      const counted = (function* () {
        for (const l of lines) {
          read += l.length + 1;
          yield l;
        }
      })();
      try {
        send({ type: "progress", rows: 0, fraction: 0 });
        const report = await importCatalog(counted, {
          format,
          dryRun,
          actorId: user.id,
          source: file.name.slice(0, 100),
          bytesRead: () => Math.min(1, read / Math.max(1, text.length)),
          onProgress: (p) => send({ type: "progress", ...p }),
        });
        // Tags revalidated here would be lost (the response has already been returned),
        // so the page expires them through a server action (expireImportedAction).
        send({ type: "report", report });
      } catch (e) {
        console.error("import failed", e);
        send({ type: "error", message: "The import stopped on an error on our side. Rows before it were saved; run it again to finish." });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
