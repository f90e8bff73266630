import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "@/prisma/seed/catalog";
import { parseMediaName, trailerDir, trailerFilePath, trailerPathIfPresent } from "@/lib/media/files";

describe("trailer file names", () => {
  it("accepts only plain slug names with .webm or .mp4", () => {
    expect(parseMediaName("the-work.webm")).toEqual({ name: "the-work.webm", ext: "webm", type: "video/webm" });
    expect(parseMediaName("the-work.mp4")?.type).toBe("video/mp4");
    for (const bad of [
      "../package.json",
      "..%2fpackage.json",
      "/etc/passwd",
      "the-work.webm/..",
      "The-Work.webm",
      "the work.webm",
      "the-work.mkv",
      "the-work.webm.txt",
      ".webm",
      "a\\b.webm",
      "the-work.WEBM",
      "the-work.webm\0",
      "",
    ]) {
      expect(parseMediaName(bad), bad).toBeNull();
      expect(trailerFilePath(bad), bad).toBeNull();
    }
  });

  it("resolves names inside media/trailers only", () => {
    expect(trailerFilePath("the-work.webm")).toBe(path.join(trailerDir(), "the-work.webm"));
  });
});

describe("generated trailers (scripts/make-media.ts)", () => {
  const files = fs.readdirSync(trailerDir()).filter((f) => /\.(webm|mp4)$/.test(f));

  it("has a WebM and an MP4 for every film in the catalog, and nothing else", () => {
    const expected = catalog.flatMap((f) => [`${f.slug}.mp4`, `${f.slug}.webm`]).sort();
    expect(files.sort()).toEqual(expected);
    for (const f of catalog) expect(trailerPathIfPresent(f.slug)).toBe(`/media/trailers/${f.slug}.webm`);
    expect(trailerPathIfPresent("no-such-film")).toBeNull();
  });

  it("files start with their container's signature, MP4 with its index first", () => {
    for (const f of files) {
      const head = Buffer.alloc(256);
      const fd = fs.openSync(path.join(trailerDir(), f), "r");
      fs.readSync(fd, head, 0, head.length, 0);
      fs.closeSync(fd);
      if (f.endsWith(".webm")) {
        expect(head.subarray(0, 4).toString("hex"), f).toBe("1a45dfa3"); // EBML
      } else {
        expect(head.subarray(4, 8).toString("latin1"), f).toBe("ftyp");
        // "Fast start": the index (moov) comes right after ftyp, so playback starts before the whole file arrives.
        const next = head.readUInt32BE(0);
        expect(head.subarray(next + 4, next + 8).toString("latin1"), f).toBe("moov");
      }
    }
  });

  it("stays small enough to keep in git (under 4 MiB in all)", () => {
    const total = files.reduce((a, f) => a + fs.statSync(path.join(trailerDir(), f)).size, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
