import { describe, expect, it } from "vitest";
import { detectFormat, formatFilm, parseCsvRecord, recordReader } from "@/lib/catalog/format";
import { sniffImage, sniffVideo } from "@/lib/uploads/sniff";
import { isUploadPath, uploadFilePath } from "@/lib/uploads/paths";
import { uploadedPosterImage } from "@/lib/poster-url";
import { filmInputSchema, replyInputSchema } from "@/lib/validation/film";

const film = { title: "A Film", year: 2020, releaseDate: "2020-01-01", runtimeMinutes: 90, synopsis: "Text.", contentRating: "PG", genres: ["Drama"] };

describe("film schema", () => {
  it("derives the slug from the title, splits lists, keeps their order and drops duplicates", () => {
    const r = filmInputSchema.parse({ ...film, title: "Amélie & Co", genres: "Drama, Comedy, drama", directors: "B Person\nA Person", cast: "Z|Y" });
    expect(r).toMatchObject({
      slug: "amelie-and-co",
      genres: ["Drama", "Comedy"],
      directors: ["B Person", "A Person"],
      cast: ["Z", "Y"],
      published: true,
      publisher: "",
    });
  });
  it("rejects out-of-range numbers, impossible dates, unknown ratings, huge inputs", () => {
    for (const bad of [
      { year: 1800 },
      { runtimeMinutes: 0 },
      { releaseDate: "2021-02-29" },
      { contentRating: "X" },
      { synopsis: "x".repeat(100_000) },
      { genres: [] },
      { slug: "Bad Slug" },
      { title: 42 as unknown as string, synopsis: "" },
    ]) {
      expect(filmInputSchema.safeParse({ ...film, ...bad }).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    expect(filmInputSchema.safeParse({ ...film, published: "false" }).data?.published).toBe(false);
  });
  it("limits replies to 1,000 characters, counted as people see them", () => {
    expect(replyInputSchema.safeParse({ reviewId: "r1", body: "é".repeat(1000) }).success).toBe(true);
    expect(replyInputSchema.safeParse({ reviewId: "r1", body: "x".repeat(1001) }).success).toBe(false);
    expect(replyInputSchema.safeParse({ reviewId: "r1", body: "   " }).success).toBe(false);
  });
});

describe("import format", () => {
  it("detects the format by name, then by content", () => {
    expect(detectFormat("a.csv", "{")).toBe("csv");
    expect(detectFormat("a.jsonl", "slug,")).toBe("jsonl");
    expect(detectFormat("upload", '  {"slug"')).toBe("jsonl");
    expect(detectFormat("upload", "slug,title")).toBe("csv");
  });
  it("parses RFC 4180 records", () => {
    expect(parseCsvRecord('a,"b, c","d ""e""",')).toEqual(["a", "b, c", 'd "e"', ""]);
    expect(parseCsvRecord('"open')).toBeNull();
    expect(parseCsvRecord('"a"b')).toBeNull();
  });
  it("keeps the first line number of a record spanning lines", () => {
    const r = recordReader("csv");
    for (const l of ["slug,title", 'x,"one', 'two"', "y,three"]) r.push(l);
    const out = r.end();
    expect(out).toEqual([
      { line: 2, value: { slug: "x", title: "one\ntwo" } },
      { line: 4, value: { slug: "y", title: "three" } },
    ]);
  });
  it("writes CSV cells that read back the same", () => {
    const line = formatFilm(
      {
        slug: "s",
        title: 'He said "hi", twice',
        year: 1,
        releaseDate: "2000-01-01",
        runtimeMinutes: 1,
        tagline: " padded ",
        synopsis: "a\nb",
        contentRating: "G",
        genres: ["A", "B"],
        directors: [],
        cast: ["C"],
        publisher: "",
        published: true,
      },
      "csv",
    );
    const r = recordReader("csv");
    r.push("slug,title,year,releaseDate,runtimeMinutes,tagline,synopsis,contentRating,genres,directors,cast,publisher,published");
    for (const l of line.split("\n")) r.push(l);
    const [rec] = r.end();
    expect(rec).toMatchObject({ line: 2, value: { title: 'He said "hi", twice', tagline: " padded ", synopsis: "a\nb", genres: "A|B" } });
  });
});

describe("uploads", () => {
  it("recognises images and videos by their bytes, not their names", () => {
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpg");
    expect(sniffImage(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImage(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffVideo(new Uint8Array([0, 0, 0, 0x20, ...new TextEncoder().encode("ftypisom")]))).toBe("mp4");
    expect(sniffVideo(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new TextEncoder().encode("....webm")]))).toBe("webm");
    expect(sniffVideo(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new TextEncoder().encode("matroska")]))).toBeNull();
    expect(sniffVideo(new TextEncoder().encode("GIF89a......"))).toBeNull();
  });
  it("serves only plain stored names, never a path outside the folder", () => {
    expect(uploadFilePath("posters", "0123456789abcdef-400.webp")).toMatch(/posters\/0123456789abcdef-400\.webp$/);
    expect(uploadFilePath("posters", "../../etc/passwd")).toBeNull();
    expect(uploadFilePath("secrets", "0123456789abcdef.mp4")).toBeNull();
    expect(uploadFilePath("trailers", "0123456789abcdef.mp4.exe")).toBeNull();
    expect(isUploadPath("/uploads/posters/0123456789abcdef", "posters")).toBe(true);
    expect(isUploadPath("/uploads/trailers/0123456789abcdef.png", "trailers")).toBe(false);
    expect(isUploadPath("https://evil.example/x.mp4", "trailers")).toBe(false);
    expect(uploadedPosterImage("/uploads/posters/0123456789abcdef").srcSet).toContain("-800.webp 800w");
  });
});

describe("film schema messages", () => {
  it("tells a missing number from a malformed one", () => {
    const r = filmInputSchema.safeParse({ ...film, year: "20x6", runtimeMinutes: "" });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(msgs).toContain("year: Year must be a whole number.");
    expect(msgs).toContain("runtimeMinutes: Runtime is required.");
    expect(filmInputSchema.safeParse({ ...film, year: "2020" }).data?.year).toBe(2020);
    expect(filmInputSchema.safeParse({ ...film, year: "2020.5" }).success).toBe(false);
  });
});
