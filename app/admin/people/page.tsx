import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canManageRoles } from "@/lib/auth/roles";
import { searchPeople } from "@/lib/data/people";
import { peopleQuerySchema } from "@/lib/validation/film";
import { AdminNav } from "@/components/admin/AdminNav";
import { RoleForm } from "@/components/admin/RoleForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People and roles", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requirePage(canManageRoles, "/admin/people");
  const raw = (await searchParams).q;
  const q = peopleQuerySchema.parse(Array.isArray(raw) ? raw[0] : raw);
  const people = await searchPeople(q);
  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <AdminNav user={user} current="/admin/people" />
      <h1 className="text-2xl font-bold tracking-tight">People and roles</h1>
      <p className="text-muted">
        Editors keep the catalog. Publishers answer reviews of their publisher’s films. Admins moderate and grant roles. Find a member by email or name.
      </p>
      <form role="search" action="/admin/people" className="flex gap-2">
        <label htmlFor="people-q" className="sr-only">
          Email or name
        </label>
        <input id="people-q" name="q" type="search" defaultValue={q} placeholder="Email or name" maxLength={100} className="w-full max-w-sm rounded-lg border border-line bg-page px-3 py-2" />
        <button type="submit" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-surface">
          Find
        </button>
      </form>
      <h2 className="text-lg font-semibold">{q ? `Members matching “${q}”` : "Members with a role"}</h2>
      {people.length === 0 ? (
        <p className="rounded-lg bg-surface p-4 text-muted">Nobody found.</p>
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
    </div>
  );
}
