import { describe, expect, it } from "vitest";
import { contentRange, decideRange, ifRangeAllows, noneMatch, strongEtagMatch, unsatisfiedRange } from "@/lib/media/range";

const SIZE = 1000;
const partial = (start: number, end: number) => ({ kind: "partial", range: { start, end } });
const full = (reason: string) => ({ kind: "full", reason });
const unsatisfiable = { kind: "unsatisfiable" };

describe("decideRange: single ranges", () => {
  it("serves bytes=a-b exactly, both ends inclusive", () => {
    expect(decideRange("bytes=0-99", SIZE)).toEqual(partial(0, 99));
    expect(decideRange("bytes=500-500", SIZE)).toEqual(partial(500, 500));
    expect(decideRange("bytes=999-999", SIZE)).toEqual(partial(999, 999));
  });

  it("serves bytes=a- to the end", () => {
    expect(decideRange("bytes=0-", SIZE)).toEqual(partial(0, 999));
    expect(decideRange("bytes=990-", SIZE)).toEqual(partial(990, 999));
  });

  it("serves bytes=-n as the last n bytes", () => {
    expect(decideRange("bytes=-10", SIZE)).toEqual(partial(990, 999));
    expect(decideRange("bytes=-1", SIZE)).toEqual(partial(999, 999));
  });

  it("serves the whole file for a suffix longer than the file", () => {
    expect(decideRange("bytes=-1000", SIZE)).toEqual(partial(0, 999));
    expect(decideRange("bytes=-5000", SIZE)).toEqual(partial(0, 999));
    expect(decideRange("bytes=-99999999999999999999999", SIZE)).toEqual(partial(0, 999));
  });

  it("clamps a last position beyond the end to the last byte", () => {
    expect(decideRange("bytes=900-5000", SIZE)).toEqual(partial(900, 999));
    expect(decideRange("bytes=0-99999999999999999999999", SIZE)).toEqual(partial(0, 999));
  });

  it("accepts any case for the unit and whitespace around list elements", () => {
    expect(decideRange("Bytes=0-9", SIZE)).toEqual(partial(0, 9));
    expect(decideRange("BYTES= 0-9 ", SIZE)).toEqual(partial(0, 9));
    expect(decideRange("bytes=0-9, ,", SIZE)).toEqual(partial(0, 9));
  });
});

describe("decideRange: 416 when nothing in a valid range set can be served", () => {
  it("start at or beyond the end", () => {
    expect(decideRange("bytes=1000-", SIZE)).toEqual(unsatisfiable);
    expect(decideRange("bytes=1000-1000", SIZE)).toEqual(unsatisfiable);
    expect(decideRange("bytes=5000-6000", SIZE)).toEqual(unsatisfiable);
    expect(decideRange("bytes=99999999999999999999999-", SIZE)).toEqual(unsatisfiable);
  });

  it("a zero-length suffix", () => {
    expect(decideRange("bytes=-0", SIZE)).toEqual(unsatisfiable);
  });

  it("every range of an empty file", () => {
    expect(decideRange("bytes=0-", 0)).toEqual(unsatisfiable);
    expect(decideRange("bytes=0-0", 0)).toEqual(unsatisfiable);
    expect(decideRange("bytes=-10", 0)).toEqual(unsatisfiable);
  });

  it("several ranges, none satisfiable", () => {
    expect(decideRange("bytes=1000-1001, 2000-", SIZE)).toEqual(unsatisfiable);
  });
});

describe("decideRange: ignored (200 with the whole file)", () => {
  it("no header or an empty one", () => {
    expect(decideRange(null, SIZE)).toEqual(full("absent"));
    expect(decideRange(undefined, SIZE)).toEqual(full("absent"));
    expect(decideRange("", SIZE)).toEqual(full("absent"));
    expect(decideRange("   ", SIZE)).toEqual(full("absent"));
  });

  it("a unit other than bytes", () => {
    expect(decideRange("items=0-5", SIZE)).toEqual(full("unit"));
    expect(decideRange("none=0-5", SIZE)).toEqual(full("unit"));
  });

  it("malformed syntax", () => {
    for (const h of [
      "bytes",
      "bytes=",
      "bytes=,",
      "bytes=abc",
      "bytes=0",
      "bytes=-",
      "bytes=a-9",
      "bytes=0-b",
      "bytes=1.5-3",
      "bytes=-5-6",
      "bytes=+1-3",
      "bytes=0x10-0x20",
      "bytes=0-9;10-19",
      "=0-9",
      "bytes=0-9,abc",
      `bytes=${"0-1,".repeat(400)}0-1`,
    ]) {
      expect(decideRange(h, SIZE), h).toEqual(full("syntax"));
    }
  });

  it("an invalid int-range (last before first)", () => {
    expect(decideRange("bytes=500-100", SIZE)).toEqual(full("syntax"));
    expect(decideRange("bytes=0-9, 500-100", SIZE)).toEqual(full("syntax"));
  });

  it("more than one satisfiable range (no multipart responses)", () => {
    expect(decideRange("bytes=0-9,20-29", SIZE)).toEqual(full("multiple"));
    expect(decideRange("bytes=0-9, -10", SIZE)).toEqual(full("multiple"));
    expect(decideRange("bytes=0-0,0-0", SIZE)).toEqual(full("multiple"));
  });

  it("serves the one satisfiable range of several when the others cannot be served", () => {
    expect(decideRange("bytes=0-9, 5000-", SIZE)).toEqual(partial(0, 9));
    expect(decideRange("bytes=-0, 10-19", SIZE)).toEqual(partial(10, 19));
  });
});

describe("range headers", () => {
  it("Content-Range for 206 and 416", () => {
    expect(contentRange({ start: 0, end: 99 }, 1234)).toBe("bytes 0-99/1234");
    expect(unsatisfiedRange(1234)).toBe("bytes */1234");
  });

  it("If-Range applies the range only for the current strong ETag or exact date", () => {
    const etag = '"3e8-18f"';
    const date = "Thu, 27 Nov 2025 03:00:00 GMT";
    expect(ifRangeAllows(null, etag, date)).toBe(true);
    expect(ifRangeAllows(etag, etag, date)).toBe(true);
    expect(ifRangeAllows('"other"', etag, date)).toBe(false);
    expect(ifRangeAllows(`W/${etag}`, etag, date)).toBe(false);
    expect(ifRangeAllows(date, etag, date)).toBe(true);
    expect(ifRangeAllows("Wed, 26 Nov 2025 03:00:00 GMT", etag, date)).toBe(false);
  });

  it("strong and weak ETag comparison", () => {
    expect(strongEtagMatch('"a"', '"a"')).toBe(true);
    expect(strongEtagMatch('W/"a"', '"a"')).toBe(false);
    expect(noneMatch('W/"a"', '"a"')).toBe(true);
    expect(noneMatch('"x", "a"', '"a"')).toBe(true);
    expect(noneMatch("*", '"a"')).toBe(true);
    expect(noneMatch('"x"', '"a"')).toBe(false);
    expect(noneMatch(null, '"a"')).toBe(false);
  });
});
