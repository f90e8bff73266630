/** A URL parameter's first value: `?a=1&a=2` arrives as an array; every schema reads the first. */
export const firstValue = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** A form field's text, cut to `max` characters ("" when missing or a file). Zod-free: client forms use it too. */
export function formText(form: FormData, name: string, max = 100_000): string {
  const v = form.get(name);
  return typeof v === "string" ? v.slice(0, max) : "";
}
