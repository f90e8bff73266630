import { describe, expect, it } from "vitest";
import {
  SEARCH_MAX_LENGTH,
  foldForSearch,
  graphemeCount,
  parseSearchPageQuery,
  searchHref,
  suggestParamsFrom,
  suggestParamsSchema,
  tidyQuery,
  truncateGraphemes,
} from "@/lib/validation/search";

describe("foldForSearch", () => {
  it("lower-cases and strips accents", () => {
    expect(foldForSearch("Amélie")).toBe("amelie");
    expect(foldForSearch("TIMOTHÉE CHALAMET")).toBe("timothee chalamet");
    expect(foldForSearch("Miloš Forman")).toBe("milos forman");
    expect(foldForSearch("Ñandú")).toBe("nandu");
  });
  it("spells out letters that have no decomposition", () => {
    expect(foldForSearch("Søren Łódź")).toBe("soren lodz");
    expect(foldForSearch("Straße Æon Œuvre")).toBe("strasse aeon oeuvre");
  });
  it("drops apostrophes inside words and turns other punctuation into spaces", () => {
    expect(foldForSearch("Won't You Be My Neighbor?")).toBe("wont you be my neighbor");
    expect(foldForSearch("Pan’s Labyrinth")).toBe("pans labyrinth");
    expect(foldForSearch("Mad Max: Fury Road")).toBe("mad max fury road");
    expect(foldForSearch('Ahmir "Questlove" Thompson')).toBe("ahmir questlove thompson");
    expect(foldForSearch("Dune — Part Two")).toBe("dune part two");
  });
  it("collapses and trims white space", () => {
    expect(foldForSearch("  teh \t wrok \n")).toBe("teh wrok");
  });
  it("leaves nothing of punctuation-only input, keeps digits", () => {
    expect(foldForSearch("?!… %_ ;")).toBe("");
    expect(foldForSearch("1917")).toBe("1917");
    expect(foldForSearch("Paddington 2")).toBe("paddington 2");
  });
  it("is idempotent", () => {
    for (const s of ["Amélie", "Won't You", "  A  B ", "Łódź"]) expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
  });
});

describe("query length", () => {
  it("counts user-perceived characters, not code points", () => {
    expect(graphemeCount("👩‍👩‍👧")).toBe(1);
    expect(graphemeCount("e\u0301")).toBe(1);
    expect(truncateGraphemes("👩‍👩‍👧👩‍👩‍👧abc", 3)).toBe("👩‍👩‍👧👩‍👩‍👧a");
  });
  it("tidies white space and control characters", () => {
    expect(tidyQuery("  the \n\t work\u0000 ")).toBe("the work");
  });
});

describe("search page query", () => {
  it("reads, trims and folds q", () => {
    expect(parseSearchPageQuery({ q: "  Amélie  " })).toEqual({ q: "Amélie", folded: "amelie" });
  });
  it("is empty without q, and takes the first of repeated values", () => {
    expect(parseSearchPageQuery({})).toEqual({ q: "", folded: "" });
    expect(parseSearchPageQuery({ q: "   " })).toEqual({ q: "", folded: "" });
    expect(parseSearchPageQuery({ q: ["nolan", "x"] })).toEqual({ q: "nolan", folded: "nolan" });
  });
  it("keeps punctuation-only input to show it back, with nothing to search", () => {
    expect(parseSearchPageQuery({ q: "?!" })).toEqual({ q: "?!", folded: "" });
  });
  it("cuts an overlong query to the maximum instead of failing", () => {
    const long = "a".repeat(150);
    expect(graphemeCount(parseSearchPageQuery({ q: long }).q)).toBe(SEARCH_MAX_LENGTH);
  });
  it("builds links that round-trip", () => {
    const href = searchHref("teh wrok & co?");
    expect(href).toBe("/search?q=teh%20wrok%20%26%20co%3F");
    const url = new URL(href, "http://x");
    expect(parseSearchPageQuery({ q: url.searchParams.get("q")! }).q).toBe("teh wrok & co?");
  });
});

describe("suggestion API parameters", () => {
  const parse = (qs: string) => suggestParamsSchema.safeParse(suggestParamsFrom(new URLSearchParams(qs)));
  it("accepts q and an optional limit", () => {
    expect(parse("q=teh+wrok")).toEqual({ success: true, data: { q: "teh wrok", folded: "teh wrok", limit: 8 } });
    expect(parse("q=Am%C3%A9lie&limit=3").data).toEqual({ q: "Amélie", folded: "amelie", limit: 3 });
  });
  it("accepts an empty q (no suggestions)", () => {
    expect(parse("q=").data).toMatchObject({ q: "", folded: "" });
  });
  it("rejects a missing, repeated or overlong q and a bad limit", () => {
    expect(parse("").success).toBe(false);
    expect(parse("q=a&q=b").success).toBe(false);
    expect(parse(`q=${"a".repeat(SEARCH_MAX_LENGTH + 1)}`).success).toBe(false);
    expect(parse(`q=${"a".repeat(SEARCH_MAX_LENGTH)}`).success).toBe(true);
    expect(parse("q=a&limit=0").success).toBe(false);
    expect(parse("q=a&limit=11").success).toBe(false);
    expect(parse("q=a&limit=two").success).toBe(false);
  });
});
