import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { listFilmsForEditor } from "@/lib/data/film-writes";
import { AdminNav } from "@/components/admin/AdminNav";

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
    <div className="flex max-w-4xl flex-col gap-4">
      <AdminNav user={user} current="/admin/films" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Films</h1>
        <Link href="/admin/films/new" className="rounded-lg bg-brand px-4 py-2 font-semibold text-on-brand hover:bg-brand-strong">
          New film
        </Link>
      </div>
      <form role="search" action="/admin/films" className="flex gap-2">
        <label htmlFor="film-q" className="sr-only">
          Find a film
        </label>
        <input id="film-q" name="q" type="search" defaultValue={q} placeholder="Title or slug" maxLength={100} className="w-full max-w-sm rounded-lg border border-line bg-page px-3 py-2" />
        <button type="submit" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-surface">
          Find
        </button>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-lg bg-surface p-4 text-muted">No films match.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Films, by title</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2">Title</th>
              <th scope="col">Year</th>
              <th scope="col">Reviews</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {sp.cursor && (
          <Link href={q ? `/admin/films?q=${encodeURIComponent(q)}` : "/admin/films"} className="underline">
            First page
          </Link>
        )}
        {next && (
          <Link href={next} className="underline">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
