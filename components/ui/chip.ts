/** A rounded "chip" link (sort and filter choices, search suggestions); `active`: the chosen one, filled. */
export function chipClass(active = false): string {
  return `inline-block rounded-full border px-3 py-1 text-sm ${active ? "border-brand bg-brand text-on-brand" : "border-line hover:bg-surface"}`;
}
