import Link from "@/components/ui/Link";
import { chipClass } from "../ui/chip";

/** Sort choices as plain links (the state lives in the URL, works without JavaScript). */
export function SortNav({ label, options }: { label: string; options: { href: string; text: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-muted" aria-hidden="true">
        Sort by
      </span>
      {options.map((o) => (
        <Link key={o.href} href={o.href} aria-current={o.current ? "true" : undefined} className={chipClass(o.current)}>
          {o.text}
        </Link>
      ))}
    </nav>
  );
}
