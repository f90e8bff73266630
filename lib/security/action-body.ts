// A server action request is a public POST whose body React decodes before any of our
// code runs; a malformed body makes that decoding throw, which Next answers with a 500.
// proxy.ts checks the body's shape first and answers 400 (or 413 when too large).

/** Next's own limit for server action bodies (serverActions.bodySizeLimit, 1 MB). */
export const ACTION_BODY_MAX = 1024 * 1024;

const MAX_DEPTH = 32;
const MAX_NODES = 20_000;
// What React's encodeReply writes for the values our actions take: "$$…" (a string that
// began with "$"), special numbers, undefined, dates, bigints and FormData references.
const SPECIAL = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4}-\d\d-\d\dT[\d:.]+Z$|n-?\d{1,30}$)/;
const FORMDATA_REF = /^\$K(\d{1,6})$/;

/** Null when the decoded JSON value only uses references we accept, else the reason. */
export function checkReplyValue(root: unknown, formPrefixes: Set<string> | null): string | null {
  if (!Array.isArray(root)) return "the arguments must be a list";
  let nodes = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (++nodes > MAX_NODES) return "too many values";
    if (depth > MAX_DEPTH) return "nested too deeply";
    if (typeof v === "string") {
      if (!v.startsWith("$") || SPECIAL.test(v)) return null;
      // A FormData argument: its entries are the fields named "_<n>_…" (none when empty).
      if (formPrefixes && FORMDATA_REF.test(v)) return null;
      return "an unsupported reference";
    }
    if (Array.isArray(v)) {
      for (const x of v) {
        const bad = walk(x, depth + 1);
        if (bad) return bad;
      }
      return null;
    }
    if (v && typeof v === "object") {
      for (const x of Object.values(v)) {
        const bad = walk(x, depth + 1);
        if (bad) return bad;
      }
    }
    return null;
  };
  return walk(root, 0);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A server action body sent as text (all arguments plain values). */
export function checkTextActionBody(text: string): string | null {
  if (text.length > ACTION_BODY_MAX) return "too large";
  const parsed = parseJson(text);
  if (!parsed.ok) return "not JSON";
  return checkReplyValue(parsed.value, null);
}

/** A server action body sent as multipart form data (an argument was a FormData). */
export function checkFormActionBody(fields: Iterable<[string, unknown]>): string | null {
  const all = [...fields];
  // A form posted without JavaScript (progressive enhancement) carries $ACTION_ fields
  // and the form's own fields instead; Next decodes those itself.
  if (all.some(([name]) => name.startsWith("$ACTION_"))) return null;
  let root: unknown = undefined;
  const prefixes = new Set<string>();
  for (const [name, value] of all) {
    if (name === "0") root = value;
    else {
      // React names a FormData argument's entries "_<n>_<field>"
      const m = /^_?(\d{1,6}_)/.exec(name);
      if (m) prefixes.add(m[1]!);
      else return "an unexpected field";
    }
  }
  if (typeof root !== "string") return "no arguments";
  const parsed = parseJson(root);
  if (!parsed.ok) return "not JSON";
  return checkReplyValue(parsed.value, prefixes);
}
