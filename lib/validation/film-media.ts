// The poster and trailer a film form names: paths of files uploaded beforehand (or one of
// the bundled stand-in trailers), cut by raw length first. Server only (lib/data/film-writes.ts).
import { z } from "zod";
import { isUploadPath } from "../uploads/paths";
import { idSchema } from "./film";

export const filmMediaSchema = z.object({
  posterPath: z.preprocess(
    (v) => (typeof v === "string" ? v.slice(0, 300) : (v ?? "")),
    z.string().refine((s) => s === "" || isUploadPath(s, "posters"), "Upload the poster again."),
  ),
  trailerPath: z.preprocess(
    (v) => (typeof v === "string" ? v.slice(0, 300) : (v ?? "")),
    z.string().refine((s) => s === "" || s.startsWith("/media/trailers/") || isUploadPath(s, "trailers"), "Upload the trailer again."),
  ),
  filmId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional()),
});
