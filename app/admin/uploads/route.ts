import { getCurrentUser } from "@/lib/auth/session";
import { canEditCatalog } from "@/lib/auth/roles";
import { POSTER_MAX_BYTES, TRAILER_MAX_BYTES } from "@/lib/uploads/paths";
import { storePoster, storeTrailer } from "@/lib/uploads/store";

// Stores a poster or trailer for the film form (which then saves its path through the
// film action). Editors only; the type is decided by the file's bytes.
export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(req: Request) {
  const user = await getCurrentUser();
  if (!user) return json(401, { ok: false, message: "Sign in to upload." });
  if (!canEditCatalog(user)) return json(403, { ok: false, message: "Only catalog editors can upload." });
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > TRAILER_MAX_BYTES + 64 * 1024) return json(413, { ok: false, message: "The file is too large." });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return json(400, { ok: false, message: "Send the file as a form upload." });
  }
  const kind = form.get("kind");
  const file = form.get("file");
  if ((kind !== "posters" && kind !== "trailers") || !(file instanceof File)) return json(400, { ok: false, message: "Choose a file to upload." });
  if (kind === "posters" && file.size > POSTER_MAX_BYTES) return json(413, { ok: false, message: "The poster is larger than 5 MB." });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const stored = kind === "posters" ? await storePoster(bytes) : await storeTrailer(bytes);
  return stored.ok ? json(200, stored) : json(400, stored);
}
