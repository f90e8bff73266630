import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_WEBVTT_BYTES, parseTimestamp, validateWebVtt } from "@/lib/media/webvtt";
import { captionFileName, isLangTag, parseCaptionFile } from "@/lib/media/captions";
import { catalog } from "@/prisma/seed/catalog";

const GOOD = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHello\n\n00:02.000 --> 00:04.500 align:start line:0\nSecond <i>cue</i>\n";

describe("validateWebVtt", () => {
  it("accepts a well-formed file, from text or UTF-8 bytes, with a BOM and CRLF line ends", () => {
    const r = validateWebVtt(GOOD);
    expect(r).toMatchObject({ ok: true, cues: 2, duration: 4.5 });
    const bytes = new TextEncoder().encode(`\uFEFF${GOOD.replace(/\n/g, "\r\n")}`);
    const b = validateWebVtt(bytes);
    expect(b).toMatchObject({ ok: true, cues: 2 });
    expect(b.ok && b.text.startsWith("WEBVTT\n")).toBe(true);
  });

  it("accepts NOTE, STYLE and REGION blocks in their places", () => {
    const text = "WEBVTT - with a title\n\nSTYLE\n::cue { color: yellow }\n\nNOTE a comment\nover two lines\n\n00:00:01.000 --> 00:00:02.000\nA\n";
    expect(validateWebVtt(text).ok).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["WEBVT\n\n00:00:00.000 --> 00:00:01.000\nx\n", "starts with"],
    ["WEBVTTX\n\n00:00:00.000 --> 00:00:01.000\nx\n", "starts with"],
    ["WEBVTT\n", "no cues"],
    ["WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nx\n", "end after"],
    ["WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n\n00:00:00.000 --> 00:00:00.500\ny\n", undefined],
    ["WEBVTT\n\n00:00:03.000 --> 00:00:04.000\nx\n\n00:00:01.000 --> 00:00:02.000\ny\n", "order"],
    ["WEBVTT\n\n0:00:00.000 --> 00:00:01.000\nx\n", "form"],
    ["WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nx\n", "form"],
    ["WEBVTT\n\n00:60:00.000 --> 01:00:01.000\nx\n", "form"],
    ["WEBVTT\n\nhello\nworld\n", "timing"],
    ["WEBVTT\n\n00:00:00.000 --> 00:00:01.000 evil:1\nx\n", "setting"],
    ["WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nx\n\nSTYLE\n::cue {}\n", "before the first cue"],
    ["WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na --> b\n", "-->"],
    ["WEBVTT\n\u0000\n00:00:00.000 --> 00:00:01.000\nx\n", "NUL"],
  ])("rejects %j", (text, message) => {
    const r = validateWebVtt(text);
    if (message === undefined) {
      expect(r.ok).toBe(true); // equal start times are allowed
      return;
    }
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.toLowerCase()).toContain(message.toLowerCase());
  });

  it("says which line is wrong", () => {
    const r = validateWebVtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nok\n\n00:00:05.000 --> 00:00:04.000\nbad\n");
    expect(r).toMatchObject({ ok: false, line: 6 });
  });

  it("refuses files over the size limit before reading them, and bytes that are not UTF-8", () => {
    const huge = "WEBVTT\n\n" + "x".repeat(MAX_WEBVTT_BYTES);
    const r = validateWebVtt(huge);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("larger than");
    // Multi-byte text under the limit in characters but over it in bytes.
    const wide = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n" + "é".repeat(MAX_WEBVTT_BYTES / 2 + 10);
    expect(validateWebVtt(wide).ok).toBe(false);
    expect(validateWebVtt(new Uint8Array([0x57, 0x45, 0xff, 0xfe])).ok).toBe(false);
    expect(validateWebVtt(GOOD, 20).ok).toBe(false);
  });

  it("parses timestamps with and without hours", () => {
    expect(parseTimestamp("00:01.500")).toBe(1.5);
    expect(parseTimestamp("01:02:03.004")).toBeCloseTo(3723.004, 6);
    expect(parseTimestamp("100:00:00.000")).toBe(360000);
    expect(parseTimestamp("1:02.000")).toBeNull();
  });
});

describe("caption names", () => {
  it("accepts BCP 47 tags we store and refuses the rest", () => {
    for (const ok of ["en", "es", "pt-BR", "zh-Hant", "es-419", "fil"]) expect(isLangTag(ok), ok).toBe(true);
    for (const bad of ["", "e", "EN", "en_US", "english", "en-", "../x", "en-br"]) expect(isLangTag(bad), bad).toBe(false);
    expect(parseCaptionFile("en.0123456789ab.vtt")).toEqual({ lang: "en", version: "0123456789ab" });
    for (const bad of ["en.vtt", "en.0123456789AB.vtt", "../en.0123456789ab.vtt", "EN.0123456789ab.vtt", "en.0123456789ab.srt"])
      expect(parseCaptionFile(bad), bad).toBeNull();
  });
});

describe("stand-in caption tracks (npm run media)", () => {
  it("has valid English and Spanish tracks for every film that say what the trailer shows and sounds like", () => {
    for (const film of catalog) {
      for (const lang of ["en", "es"]) {
        const file = path.join(process.cwd(), "media", "captions", captionFileName(film.slug, lang));
        const r = validateWebVtt(fs.readFileSync(file));
        expect(r.ok, file).toBe(true);
        if (!r.ok) continue;
        expect(r.duration).toBe(8);
        expect(r.text).toContain(`${film.title} (${film.year})`);
      }
    }
    const en = fs.readFileSync(path.join(process.cwd(), "media", "captions", "the-work.en.vtt"), "utf8");
    expect(en).toContain("[A short tone pips once a second]");
    expect(en).toContain("The Work (2017): a Marquee preview");
  });
});
