// The bulk import/export format: JSON Lines (one film object per line) or CSV (a header
// row of FILM_FIELDS, lists separated by "|"). Pure: no database, no Node streams.
import { FILM_FIELDS } from "../validation/film";

export type CatalogFormat = "jsonl" | "csv";

/** One record of the file and the line it starts on (1-based). */
export type RawRecord = { line: number; value: unknown } | { line: number; error: string };

/** JSON Lines by extension, else by the first character ("{" → JSON Lines). */
export function detectFormat(fileName: string, firstChunk: string): CatalogFormat {
  if (/\.csv$/i.test(fileName)) return "csv";
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return "jsonl";
  return firstChunk.trimStart().startsWith("{") ? "jsonl" : "csv";
}

/** The longest line we read: a film is a few kilobytes; anything far bigger is rejected. */
export const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Turns lines into records. Feed every line (without its newline) in order, then call
 * end(). CSV fields may span lines inside quotes; a record keeps its first line number.
 */
export function recordReader(format: CatalogFormat) {
  let lineNo = 0;
  let header: string[] | null = null;
  let pending: { line: number; text: string } | null = null;
  const out: RawRecord[] = [];

  function csvRecord(line: number, text: string) {
    const cells = parseCsvRecord(text);
    if (!cells) return out.push({ line, error: "Unbalanced quotes." });
    if (!header) {
      header = cells.map((c) => c.trim());
      const unknown = header.filter((h) => !(FILM_FIELDS as readonly string[]).includes(h));
      if (unknown.length) out.push({ line, error: `Unknown column(s) in the header: ${unknown.slice(0, 5).join(", ")}.` });
      return;
    }
    if (cells.length === 1 && cells[0]!.trim() === "") return; // blank line
    if (cells.length !== header.length) return out.push({ line, error: `Expected ${header.length} fields, found ${cells.length}.` });
    const value: Record<string, string> = {};
    header.forEach((h, i) => (value[h] = cells[i]!));
    out.push({ line, value });
  }

  return {
    push(raw: string) {
      lineNo += 1;
      const text = lineNo === 1 ? raw.replace(/^\ufeff/, "") : raw;
      if (format === "jsonl") {
        if (text.trim() === "") return;
        if (text.length > MAX_RECORD_CHARS) return void out.push({ line: lineNo, error: "Line too long." });
        try {
          const value: unknown = JSON.parse(text);
          if (typeof value !== "object" || value === null || Array.isArray(value)) out.push({ line: lineNo, error: "Not a JSON object." });
          else out.push({ line: lineNo, value });
        } catch {
          out.push({ line: lineNo, error: "Not valid JSON." });
        }
        return;
      }
      if (pending) {
        pending.text += `\n${text}`;
      } else pending = { line: lineNo, text };
      if (pending.text.length > MAX_RECORD_CHARS) {
        out.push({ line: pending.line, error: "Record too long (or an unclosed quote)." });
        pending = null;
        return;
      }
      if (quotesBalanced(pending.text)) {
        const p = pending;
        pending = null;
        csvRecord(p.line, p.text);
      }
    },
    /** Records completed since the last call. */
    take(): RawRecord[] {
      return out.splice(0, out.length);
    },
    end(): RawRecord[] {
      if (pending) out.push({ line: pending.line, error: "Unclosed quote at the end of the file." });
      pending = null;
      if (format === "csv" && !header) out.push({ line: 1, error: "The file is empty: expected a header row." });
      return out.splice(0, out.length);
    },
  };
}

function quotesBalanced(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 34) n++;
  return n % 2 === 0;
}

/** RFC 4180 fields of one record ("" escapes a quote); null when malformed. */
export function parseCsvRecord(s: string): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) return null;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else cell += s[i++];
      }
      if (i < s.length && s[i] !== ",") return null;
    } else {
      const j = s.indexOf(",", i);
      cell = j === -1 ? s.slice(i) : s.slice(i, j);
      i = j === -1 ? s.length : j;
    }
    cells.push(cell.replace(/\r$/, ""));
    if (i >= s.length) return cells;
    i++; // the comma
  }
}

/** A film as written by the exporter (and accepted by the importer). */
export type ExportFilm = {
  slug: string;
  title: string;
  year: number;
  releaseDate: string;
  runtimeMinutes: number;
  tagline: string;
  synopsis: string;
  contentRating: string;
  genres: string[];
  directors: string[];
  cast: string[];
  publisher: string;
  published: boolean;
};

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvHeader(): string {
  return FILM_FIELDS.join(",");
}

export function formatFilm(f: ExportFilm, format: CatalogFormat): string {
  if (format === "jsonl") return JSON.stringify(Object.fromEntries(FILM_FIELDS.map((k) => [k, f[k]])));
  return FILM_FIELDS.map((k) => {
    const v = f[k];
    return csvCell(Array.isArray(v) ? v.join("|") : String(v));
  }).join(",");
}
