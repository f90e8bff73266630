import { describe, expect, it } from "vitest";
import { hasGlyph, ogSafeText } from "@/lib/og-text";

describe("text for Open Graph images", () => {
  it("keeps what the bundled font draws", () => {
    expect(ogSafeText("The Work")).toBe("The Work");
    expect(ogSafeText("Amélie")).toBe("Amélie");
    expect(ogSafeText("Won’t You Be My Neighbor?")).toBe("Won’t You Be My Neighbor?");
    expect(ogSafeText("2017 • 89 minutes")).toBe("2017 • 89 minutes");
    expect(ogSafeText("Брат")).toBe("Брат");
  });

  it("drops what would make the renderer fetch a font", () => {
    expect(hasGlyph("★".codePointAt(0)!)).toBe(false);
    expect(ogSafeText("Spirited Away 千と千尋の神隠し")).toBe("Spirited Away");
    expect(ogSafeText("Fun 🎬 night")).toBe("Fun night");
    expect(ogSafeText("Ǻlpha")).toBe("Alpha");
  });

  it("falls back when nothing readable is left", () => {
    expect(ogSafeText("千と千尋の神隠し", "spirited-away")).toBe("spirited-away");
    expect(ogSafeText("🎬🎬", "Untitled")).toBe("Untitled");
  });
});
