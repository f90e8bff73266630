import Link from "@/components/ui/Link";
import type { SessionUser } from "@/lib/data/users";
import { canEditCatalog, canManageRoles, canModerate, canReadAudit } from "@/lib/auth/roles";

/** The admin area's links, those this member may open. */
export function AdminNav({ user, current }: { user: SessionUser; current: string }) {
  const links = [
    canEditCatalog(user) && { href: "/admin/films", text: "Films" },
    canEditCatalog(user) && { href: "/admin/import", text: "Import" },
    (canEditCatalog(user) || user.role === "PUBLISHER") && { href: "/admin/replies", text: "Replies" },
    canModerate(user) && { href: "/admin/reports", text: "Reports" },
    canManageRoles(user) && { href: "/admin/people", text: "People" },
    canReadAudit(user) && { href: "/admin/audit", text: "Audit trail" },
  ].filter((l): l is { href: string; text: string } => !!l);
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap gap-2 text-sm">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={current === l.href ? "page" : undefined}
          className="rounded-full border border-line px-3 py-1 hover:bg-surface aria-[current=page]:bg-surface aria-[current=page]:font-semibold"
        >
          {l.text}
        </Link>
      ))}
    </nav>
  );
}
