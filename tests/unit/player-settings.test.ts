import { describe, expect, it } from "vitest";
import { CAPTIONS_KEY, pickCaptionLang, readCaptionChoice, writeCaptionChoice } from "@/lib/player/settings";
import { canUseMse } from "@/lib/player/stream";

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  } as Storage;
}

describe("caption choice", () => {
  const tracks = [{ lang: "en" }, { lang: "es" }, { lang: "pt-BR" }];

  it("remembers a language, off, or nothing", () => {
    const s = memory();
    expect(readCaptionChoice(s)).toBeUndefined();
    writeCaptionChoice(s, "es");
    expect(readCaptionChoice(s)).toBe("es");
    writeCaptionChoice(s, null);
    expect(s.getItem(CAPTIONS_KEY)).toBe("off");
    expect(readCaptionChoice(s)).toBeNull();
    s.setItem(CAPTIONS_KEY, "<script>");
    expect(readCaptionChoice(s)).toBeUndefined();
    expect(readCaptionChoice(null)).toBeUndefined();
  });

  it("picks the wanted language, then the same language in another region, else off", () => {
    expect(pickCaptionLang("es", tracks)).toBe("es");
    expect(pickCaptionLang("en-GB", tracks)).toBe("en");
    expect(pickCaptionLang("pt", tracks)).toBe("pt-BR");
    expect(pickCaptionLang("fr", tracks)).toBeNull();
    expect(pickCaptionLang(null, tracks)).toBeNull();
    expect(pickCaptionLang(undefined, tracks)).toBeNull();
  });
});

describe("HLS through Media Source Extensions", () => {
  it("is used only where MSE plays H.264 and AAC", () => {
    const yes = { isTypeSupported: () => true };
    const no = { isTypeSupported: () => false };
    expect(canUseMse({ MediaSource: yes } as never)).toBe(true);
    expect(canUseMse({ ManagedMediaSource: yes } as never)).toBe(true);
    expect(canUseMse({ MediaSource: no } as never)).toBe(false);
    expect(canUseMse({} as never)).toBe(false);
  });
});
