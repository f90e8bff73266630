/** "November 27, 2017" — the long date; UTC so server and client agree before locale kicks in. */
export function longDate(iso: string | Date, locale = "en-US", timeZone = "UTC"): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone }).format(d);
}

/** "2017 • 89 minutes" */
export function metaLine(year: number, runtimeMinutes: number): string {
  return `${year} • ${runtimeMinutes} ${runtimeMinutes === 1 ? "minute" : "minutes"}`;
}
