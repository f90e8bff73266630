import Link from "@/components/ui/Link";
import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/data/users";
import { Button } from "../ui/Button";
import { AdminNav } from "./AdminNav";

// The shape every admin page shares: the admin links and the title, a search box, a table
// of rows, a note when there is nothing, and the "Pages" links. Server components.

/** An admin page: its column, the admin links with `current` marked, the title (with `actions` beside it). */
export function AdminPage({
  user,
  current,
  title,
  width,
  actions,
  children,
}: {
  user: SessionUser;
  current: string;
  title: ReactNode;
  width?: "max-w-3xl" | "max-w-4xl" | "max-w-5xl";
  actions?: ReactNode;
  children: ReactNode;
}) {
  const h1 = <h1 className="text-2xl font-bold tracking-tight">{title}</h1>;
  return (
    <div className={width ? `flex ${width} flex-col gap-4` : "flex flex-col gap-4"}>
      <AdminNav user={user} current={current} />
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {h1}
          {actions}
        </div>
      ) : (
        h1
      )}
      {children}
    </div>
  );
}

/** A search box sent as `?q=` to `action`: the field (labelled for screen readers) and "Find". */
export function AdminSearch({ action, id, label, placeholder, q }: { action: string; id: string; label: string; placeholder: string; q: string }) {
  return (
    <form role="search" action={action} className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={q}
        placeholder={placeholder}
        maxLength={100}
        className="w-full max-w-sm rounded-lg border border-line bg-page px-3 py-2"
      />
      <Button type="submit" variant="secondary">
        Find
      </Button>
    </form>
  );
}

/** "No films match.": what a list shows when it is empty. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-surface p-4 text-muted">{children}</p>;
}

/** A table of rows under a header of `columns`, named by a caption for screen readers. */
export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line">
          {columns.map((c, i) => (
            <th key={c} scope="col" className={i === 0 ? "py-2" : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The "Pages" links under a list (back to the first page, on to the next); a missing one is left out. */
export function AdminPager({ first, next }: { first: { href: string; text: string } | null; next: { href: string; text: string } | null }) {
  return (
    <nav aria-label="Pages" className="flex gap-3">
      {first && (
        <Link href={first.href} className="underline">
          {first.text}
        </Link>
      )}
      {next && (
        <Link href={next.href} className="underline">
          {next.text}
        </Link>
      )}
    </nav>
  );
}
