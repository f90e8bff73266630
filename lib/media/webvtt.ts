// WebVTT checks for caption tracks an editor uploads (and the ones npm run media makes).
// Pure, bounded: the raw size is checked before anything else, then the file is read
// line by line once. What we accept is the subset browsers render natively: the
// "WEBVTT" signature, then blocks separated by blank lines (NOTE, STYLE, REGION or cues
// with an optional identifier and a "start --> end [settings]" line).
// Spec: https://www.w3.org/TR/webvtt1/ (file structure, 4.1; timestamps, 4.2).

/** Largest caption file we take: a feature film's track is around 100-200 KB. */
export const MAX_WEBVTT_BYTES = 512 * 1024;
export const MAX_CUES = 10_000;
const MAX_LINE = 1_000;

export type WebVttResult =
  | { ok: true; text: string; cues: number; duration: number }
  | { ok: false; message: string; line?: number };

// hh:mm:ss.ttt (hours optional, at least two digits when present); minutes and seconds 00-59.
const TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SETTING = /^(?:vertical|line|position|size|align|region):\S+$/;

export function parseTimestamp(s: string): number | null {
  const m = TIME.exec(s);
  if (!m) return null;
  const h = m[1] ? Number(m[1]) : 0;
  return h * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

function bad(message: string, line?: number): WebVttResult {
  return line === undefined ? { ok: false, message } : { ok: false, message, line };
}

/**
 * Checks a WebVTT file given as bytes (an upload: must be UTF-8) or text. On success
 * returns the text (BOM removed, line ends normalised to \n), the cue count and the end
 * of the last cue in seconds.
 */
export function validateWebVtt(input: Uint8Array | string, maxBytes = MAX_WEBVTT_BYTES): WebVttResult {
  // Bound by raw size first: a string of n UTF-16 units is at least n bytes in UTF-8.
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size === 0) return bad("The caption file is empty.");
  if (size > maxBytes) return bad(`The caption file is larger than ${Math.round(maxBytes / 1024)} KB.`);
  let text: string;
  if (typeof input === "string") {
    text = input;
    if (Buffer.byteLength(text, "utf8") > maxBytes) return bad(`The caption file is larger than ${Math.round(maxBytes / 1024)} KB.`);
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return bad("The caption file is not UTF-8 text.");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\0")) return bad("The caption file contains a NUL character.");
  text = text.replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const first = lines[0]!;
  if (!/^WEBVTT(?:[ \t].*)?$/.test(first)) return bad('A WebVTT file starts with the line "WEBVTT".', 1);

  let i = 1;
  // The header's own lines (after the signature) run to the first blank line.
  while (i < lines.length && lines[i] !== "") {
    if (lines[i]!.includes("-->")) return bad("A blank line must follow the WEBVTT header.", i + 1);
    i++;
  }
  let cues = 0;
  let lastStart = 0;
  let duration = 0;
  let seenCue = false;
  while (i < lines.length) {
    while (i < lines.length && lines[i] === "") i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== "") {
      if (lines[i]!.length > MAX_LINE) return bad(`Line is longer than ${MAX_LINE} characters.`, i + 1);
      block.push(lines[i]!);
      i++;
    }
    const head = block[0]!;
    if (/^NOTE(?:[ \t]|$)/.test(head)) {
      if (block.some((l) => l.includes("-->"))) return bad('A NOTE cannot contain "-->".', start + 1);
      continue;
    }
    if (/^(?:STYLE|REGION)(?:[ \t]|$)/.test(head)) {
      if (seenCue) return bad(`${head.split(/[ \t]/)[0]} blocks must come before the first cue.`, start + 1);
      if (block.some((l) => l.includes("-->"))) return bad('A STYLE or REGION block cannot contain "-->".', start + 1);
      continue;
    }
    // A cue: an optional identifier line, then the timing line.
    let t = 0;
    if (!head.includes("-->")) {
      t = 1;
      if (block.length < 2 || !block[1]!.includes("-->")) return bad("Expected a cue timing line (00:00:01.000 --> 00:00:04.000).", start + 1);
    }
    const timing = block[t]!.trim().split(/[ \t]+/);
    if (timing.length < 3 || timing[1] !== "-->") return bad("Expected a cue timing line (00:00:01.000 --> 00:00:04.000).", start + t + 1);
    const from = parseTimestamp(timing[0]!);
    const to = parseTimestamp(timing[2]!);
    if (from === null || to === null) return bad("A cue time is not in the form 00:00:01.000.", start + t + 1);
    if (to <= from) return bad("A cue must end after it starts.", start + t + 1);
    if (from < lastStart) return bad("Cues must be in order of their start time.", start + t + 1);
    for (const s of timing.slice(3)) {
      if (!SETTING.test(s)) return bad(`Unknown cue setting "${s.slice(0, 40)}".`, start + t + 1);
    }
    if (block.slice(t + 1).some((l) => l.includes("-->"))) return bad('Cue text cannot contain "-->".', start + t + 2);
    seenCue = true;
    lastStart = from;
    duration = Math.max(duration, to);
    cues++;
    if (cues > MAX_CUES) return bad(`A caption file can have at most ${MAX_CUES} cues.`);
  }
  if (cues === 0) return bad("The caption file has no cues.");
  return { ok: true, text, cues, duration };
}
