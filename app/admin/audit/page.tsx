import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canReadAudit } from "@/lib/auth/roles";
import { AUDIT_KINDS, listAudit, listAuditActors } from "@/lib/data/audit";
import { LocalDate } from "@/components/ui/LocalDate";
import { AdminPage, AdminPager, AdminTable, EmptyNote } from "@/components/admin/AdminList";
import { Button } from "@/components/ui/Button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit trail", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 400) ?? "";

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePage(canReadAudit, "/admin/audit");
  const sp = await searchParams;
  const actor = /^[A-Za-z0-9_-]{1,64}$/.test(one(sp.actor)) ? one(sp.actor) : "";
  const kind = (AUDIT_KINDS as readonly string[]).includes(one(sp.kind)) ? one(sp.kind) : "";
  const [page, actors] = await Promise.all([
    listAudit({ actorId: actor || undefined, kind: kind || undefined, cursor: one(sp.cursor) || undefined, limit: 50 }),
    listAuditActors(),
  ]);
  const base = { ...(actor ? { actor } : {}), ...(kind ? { kind } : {}) };
  return (
    <AdminPage user={user} current="/admin/audit" title="Audit trail" width="max-w-5xl">
      <form action="/admin/audit" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit trail">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">
            Person
          </label>
          <select id="audit-actor" name="actor" defaultValue={actor} className="rounded-lg border border-line bg-page px-3 py-1.5">
            <option value="">Everyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-kind" className="text-sm font-medium">
            Kind
          </label>
          <select id="audit-kind" name="kind" defaultValue={kind} className="rounded-lg border border-line bg-page px-3 py-1.5">
            <option value="">Every kind</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" size="compact">
          Filter
        </Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyNote>No entries.</EmptyNote>
      ) : (
        <AdminTable caption="Changes, newest first" columns={["When", "Who", "What", "Record", "Change"]}>
          {page.items.map((e) => (
            <tr key={e.id} className="border-b border-line align-top">
              <td className="py-2 pr-2 whitespace-nowrap">
                <LocalDate iso={e.createdAt} /> <span className="text-muted">{e.createdAt.slice(11, 19)} UTC</span>
              </td>
              <td className="pr-2">{e.actorName}</td>
              <td className="pr-2 whitespace-nowrap">{e.kind}</td>
              <td className="pr-2">{e.targetLabel}</td>
              <td className="break-words">{e.summary}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <AdminPager
        first={sp.cursor ? { href: `/admin/audit?${new URLSearchParams(base)}`, text: "Newest" } : null}
        next={page.next ? { href: `/admin/audit?${new URLSearchParams({ ...base, cursor: page.next })}`, text: "Older entries" } : null}
      />
    </AdminPage>
  );
}
