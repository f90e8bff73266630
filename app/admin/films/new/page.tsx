import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { AdminNav } from "@/components/admin/AdminNav";
import { FilmForm } from "@/components/admin/FilmForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New film · Catalog editor", robots: { index: false } };

export default async function NewFilmPage() {
  const user = await requirePage(canEditCatalog, "/admin/films/new");
  return (
    <div className="flex flex-col gap-4">
      <AdminNav user={user} current="/admin/films" />
      <h1 className="text-2xl font-bold tracking-tight">New film</h1>
      <FilmForm initial={{ contentRating: "NR", published: "true" }} />
    </div>
  );
}
