import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { listFilmsForEditor } from "@/lib/data/film-writes";
import { AdminPage, AdminPager, AdminSearch, AdminTable, EmptyNote } from "@/components/admin/AdminList";
import { buttonClass } from "@/components/ui/Button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Films · Catalog editor", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 400) ?? "";

export default async function AdminFilmsPage({ searchParams }: Props) {
  const user = await requirePage(canEditCatalog, "/admin/films");
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 100);
  const page = await listFilmsForEditor({ q, cursor: one(sp.cursor) || undefined, limit: 25 });
  const next = page.next ? `/admin/films?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.next })}` : null;
  return (
    <AdminPage
      user={user}
      current="/admin/films"
      title="Films"
      width="max-w-4xl"
      actions={
        <Link href="/admin/films/new" className={buttonClass()}>
          New film
        </Link>
      }
    >
      <AdminSearch action="/admin/films" id="film-q" label="Find a film" placeholder="Title or slug" q={q} />
      {page.items.length === 0 ? (
        <EmptyNote>No films match.</EmptyNote>
      ) : (
        <AdminTable caption="Films, by title" columns={["Title", "Year", "Reviews", "State"]}>
          {page.items.map((f) => (
            <tr key={f.id} className="border-b border-line">
              <td className="py-2">
                <Link href={`/admin/films/${f.id}`} className="font-medium text-brand hover:underline" aria-label={`Edit ${f.title}`}>
                  {f.title}
                </Link>
                <span className="block text-xs text-muted">/films/{f.slug}</span>
              </td>
              <td>{f.year}</td>
              <td>{f.reviewCount}</td>
              <td>{f.published ? "Published" : "Unpublished"}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <AdminPager
        first={sp.cursor ? { href: q ? `/admin/films?q=${encodeURIComponent(q)}` : "/admin/films", text: "First page" } : null}
        next={next ? { href: next, text: "Next page" } : null}
      />
    </AdminPage>
  );
}
