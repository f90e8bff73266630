import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { FilmForm } from "@/components/admin/FilmForm";
import { AdminPage } from "@/components/admin/AdminList";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New film · Catalog editor", robots: { index: false } };

export default async function NewFilmPage() {
  const user = await requirePage(canEditCatalog, "/admin/films/new");
  return (
    <AdminPage user={user} current="/admin/films" title="New film">
      <FilmForm initial={{ contentRating: "NR", published: "true" }} />
    </AdminPage>
  );
}
