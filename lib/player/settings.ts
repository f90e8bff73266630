// Player settings that are not positions: captions choice and playback speeds. Pure
// helpers for the player and its tests. Visitors keep the captions choice in
// localStorage; members also on their account (PlayerPreference).
import type { StorageLike } from "./resume";

export const CAPTIONS_KEY = "marquee:captions";
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

export type CaptionOption = { lang: string; label: string; kind: "captions" | "subtitles"; src: string };

/** The saved choice: a language tag, null for "off", undefined when nothing is saved. */
export function readCaptionChoice(storage: StorageLike | null): string | null | undefined {
  try {
    const v = storage?.getItem(CAPTIONS_KEY);
    if (v == null) return undefined;
    if (v === "off") return null;
    return /^[A-Za-z0-9-]{2,16}$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeCaptionChoice(storage: StorageLike | null, lang: string | null): void {
  try {
    storage?.setItem(CAPTIONS_KEY, lang ?? "off");
  } catch {
    // storage full or blocked: the choice lasts for this page only
  }
}

/**
 * The track to show: the wanted language when the film has it, else the same language
 * without its region ("en-GB" finds "en"), else off.
 */
export function pickCaptionLang(wanted: string | null | undefined, tracks: { lang: string }[]): string | null {
  if (!wanted) return null;
  const exact = tracks.find((t) => t.lang.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact.lang;
  const base = wanted.split("-")[0]!.toLowerCase();
  return tracks.find((t) => t.lang.split("-")[0]!.toLowerCase() === base)?.lang ?? null;
}

/** 1 → "1×", 0.75 → "0.75×". */
export function speedLabel(rate: number): string {
  return `${rate}×`;
}
