import Link from "next/link";

/** Sort choices as plain links (the state lives in the URL, works without JavaScript). */
export function SortNav({ label, options }: { label: string; options: { href: string; text: string; current: boolean }[] }) {
  const chip = (active: boolean) =>
    `inline-block rounded-full border px-3 py-1 text-sm ${active ? "border-brand bg-brand text-on-brand" : "border-line hover:bg-surface"}`;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted" aria-hidden="true">
        Sort by
      </span>
      {options.map((o) => (
        <Link key={o.href} href={o.href} aria-current={o.current ? "true" : undefined} className={chip(o.current)}>
          {o.text}
        </Link>
      ))}
    </nav>
  );
}
