// Where a viewer stopped: pure helpers for the player (browser) and its tests (Node).
// Stored per film in localStorage as {"t": seconds, "at": epoch ms}.

export const RESUME_PREFIX = "marquee:resume:";
/** Positions before this are "not started": nothing to resume, nothing to keep. */
export const MIN_RESUME_SECONDS = 1;
/** How often the position is saved while playing. */
export const SAVE_EVERY_MS = 5_000;

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function resumeKey(slug: string): string {
  return `${RESUME_PREFIX}${slug}`;
}

/** The saved position in seconds, or null (nothing saved, unreadable, or storage blocked). */
export function readPosition(storage: StorageLike | null, slug: string): number | null {
  try {
    const raw = storage?.getItem(resumeKey(slug));
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    const t = typeof v === "object" && v !== null && "t" in v ? v.t : null;
    return typeof t === "number" && Number.isFinite(t) && t >= 0 ? t : null;
  } catch {
    return null;
  }
}

/** Saves a position (rounded down to 0.1 s: better a moment early than late); near the start it forgets the film instead. Never throws (quota, private mode). */
export function writePosition(storage: StorageLike | null, slug: string, seconds: number, now = Date.now()): void {
  try {
    if (!storage) return;
    if (!Number.isFinite(seconds) || seconds < MIN_RESUME_SECONDS) storage.removeItem(resumeKey(slug));
    else storage.setItem(resumeKey(slug), JSON.stringify({ t: Math.floor(seconds * 10) / 10, at: now }));
  } catch {
    // Storage full or switched off: resuming is a nicety, playback goes on.
  }
}

export function clearPosition(storage: StorageLike | null, slug: string): void {
  try {
    storage?.removeItem(resumeKey(slug));
  } catch {
    // as above
  }
}

/** The last stretch that counts as "finished": 2 s, or 5 % of a long film (its credits). */
export function endMargin(duration: number): number {
  return Math.max(2, duration * 0.05);
}

/** Where to start: the saved position, unless it is at the very start, near the end or unknown. */
export function resumeFrom(saved: number | null | undefined, duration: number): number | null {
  if (saved == null || !Number.isFinite(saved) || saved < MIN_RESUME_SECONDS) return null;
  if (!Number.isFinite(duration) || duration <= 0) return null;
  if (saved >= duration - endMargin(duration)) return null;
  return saved;
}

/** 4 → "0:04", 75 → "1:15", 3725 → "1:02:05". */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** "4 seconds", "1 minute 15 seconds": for screen readers. */
export function spokenTime(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const parts = [h ? part(h, "hour") : "", m ? part(m, "minute") : "", r || (!h && !m) ? part(r, "second") : ""].filter(Boolean);
  return parts.join(" ");
}
