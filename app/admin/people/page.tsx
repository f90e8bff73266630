import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canManageRoles } from "@/lib/auth/roles";
import { searchPeople } from "@/lib/data/people";
import { peopleQuerySchema } from "@/lib/validation/film";
import { RoleForm } from "@/components/admin/RoleForm";
import { AdminPage, AdminSearch, EmptyNote } from "@/components/admin/AdminList";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People and roles", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requirePage(canManageRoles, "/admin/people");
  const raw = (await searchParams).q;
  const q = peopleQuerySchema.parse(Array.isArray(raw) ? raw[0] : raw);
  const people = await searchPeople(q);
  return (
    <AdminPage user={user} current="/admin/people" title="People and roles" width="max-w-4xl">
      <p className="text-muted">
        Editors keep the catalog. Publishers answer reviews of their publisher’s films. Admins moderate and grant roles. Find a member by email or name.
      </p>
      <AdminSearch action="/admin/people" id="people-q" label="Email or name" placeholder="Email or name" q={q} />
      <h2 className="text-lg font-semibold">{q ? `Members matching “${q}”` : "Members with a role"}</h2>
      {people.length === 0 ? (
        <EmptyNote>Nobody found.</EmptyNote>
      ) : (
        <ul className="flex flex-col gap-3">
          {people.map((p) => (
            <li key={p.id} className="rounded-xl border border-line p-4">
              <p className="font-medium">
                {p.name} <span className="text-sm font-normal text-muted">{p.email}</span>
              </p>
              <RoleForm userId={p.id} name={p.name} role={p.role} publisher={p.publisher ?? ""} self={p.id === user.id} />
            </li>
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
