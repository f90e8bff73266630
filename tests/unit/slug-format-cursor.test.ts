import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "@/lib/slug";
import { longDate, metaLine } from "@/lib/format";
import { decodeCursor, encodeCursor } from "@/lib/keyset/cursor";
import { jsonLdString } from "@/components/film/JsonLd";
import { posterSvg, titleLines } from "@/lib/poster";

describe("slugify", () => {
  it.each([
    ["The Work", "the-work"],
    ["Amélie", "amelie"],
    ["Mad Max: Fury Road", "mad-max-fury-road"],
    ["Won't You Be My Neighbor?", "wont-you-be-my-neighbor"],
    ["  Spaces   and -- dashes  ", "spaces-and-dashes"],
    ["Pan’s Labyrinth", "pans-labyrinth"],
    ["Fast & Furious", "fast-and-furious"],
  ])("%s → %s", (input, slug) => {
    expect(slugify(input)).toBe(slug);
    expect(isSlug(slug)).toBe(true);
  });
  it("rejects what is not a slug", () => {
    for (const s of ["", "The-Work", "a--b", "-a", "a-", "a b", "../etc", "x".repeat(81)]) expect(isSlug(s)).toBe(false);
  });
});

describe("format", () => {
  it("writes the meta line and the long date", () => {
    expect(metaLine(2017, 89)).toBe("2017 • 89 minutes");
    expect(longDate("2017-11-27T15:04:00Z")).toBe("November 27, 2017");
    // stored in UTC: late evening UTC is still the same UTC day
    expect(longDate("2017-11-27T23:59:00Z")).toBe("November 27, 2017");
    expect(longDate("2017-11-27T15:04:00Z", "de-DE")).toBe("27. November 2017");
  });
});

describe("cursor", () => {
  it("round-trips and rejects junk", () => {
    const c = { v: [0.4385, "2017-11-27T15:04:00.000Z"], id: "abc" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"x":1}').toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from('[[{"a":1}],"id"]').toString("base64url"))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});

describe("escaping", () => {
  it("keeps JSON-LD from closing its script element", () => {
    const s = jsonLdString({ reviewBody: "</script><script>alert(1)</script>" });
    expect(s).not.toContain("</script>");
    expect(JSON.parse(s).reviewBody).toBe("</script><script>alert(1)</script>");
  });
  it("escapes titles in generated posters", () => {
    const svg = posterSvg("x", 'A <b>"bold"</b> & title', 2000);
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;B&gt;");
    expect(titleLines("The Shawshank Redemption")).toEqual(["THE", "SHAWSHANK", "REDEMPTION"]);
  });
});
