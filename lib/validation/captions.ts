// Caption tracks (the film editor, the seed) and the member's caption choice (the player).
import { z } from "zod";
import { isLangTag } from "../media/captions";

export const captionTrackSchema = z.object({
  filmId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  lang: z.string().max(16).refine(isLangTag, "Use a language tag such as en, es or pt-BR."),
  label: z.string().trim().min(1, "Give the track a name.").max(40, "At most 40 characters."),
  kind: z.enum(["CAPTIONS", "SUBTITLES"]).default("CAPTIONS"),
});

export const playerPrefsSchema = z.object({ captionLang: z.string().max(16).refine(isLangTag).nullable() });
