// Caption tracks for the stand-in trailers, from media/captions/<slug>.<lang>.vtt
// (made by npm run media). Stored with the film, like an editor's upload would be.
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { STANDIN_LANGS, captionFileName, captionVersion } from "../../lib/media/captions";
import { validateWebVtt } from "../../lib/media/webvtt";

export async function seedCaptionTracks(prisma: PrismaClient, filmId: string, slug: string): Promise<number> {
  let n = 0;
  for (const [lang, label] of Object.entries(STANDIN_LANGS)) {
    const file = path.join(process.cwd(), "media", "captions", captionFileName(slug, lang));
    if (!fs.existsSync(file)) continue;
    const vtt = validateWebVtt(fs.readFileSync(file));
    if (!vtt.ok) throw new Error(`${file}: ${vtt.message}${vtt.line ? ` (line ${vtt.line})` : ""}`);
    const version = await captionVersion(vtt.text);
    await prisma.captionTrack.upsert({
      where: { filmId_lang: { filmId, lang } },
      create: { filmId, lang, label, kind: "CAPTIONS", content: vtt.text, version },
      update: { label, kind: "CAPTIONS", content: vtt.text, version },
    });
    n++;
  }
  return n;
}
