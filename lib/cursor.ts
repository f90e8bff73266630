// Opaque keyset cursors: base64url(JSON [sortValue, id]).
export type CursorValue = string | number;
export type Cursor = { v: CursorValue[]; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(s: string | undefined | null): Cursor | null {
  if (!s) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [v, id] = parsed as [unknown, unknown];
    if (typeof id !== "string" || id.length > 64 || !Array.isArray(v) || v.length > 3) return null;
    if (!v.every((x) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x)))) return null;
    return { v: v as CursorValue[], id };
  } catch {
    return null;
  }
}
