import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { ImportForm } from "@/components/admin/ImportForm";
import { FILM_FIELDS } from "@/lib/validation/film";
import { AdminPage } from "@/components/admin/AdminList";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import films", robots: { index: false } };

export default async function ImportPage() {
  const user = await requirePage(canEditCatalog, "/admin/import");
  return (
    <AdminPage user={user} current="/admin/import" title="Import films" width="max-w-3xl">
      <p className="text-muted">
        A JSON Lines file (one film per line, <code>.jsonl</code>) or a CSV file with a header row (<code>.csv</code>, lists separated by <code>|</code>).
        Columns: <code>{FILM_FIELDS.join(", ")}</code>. Films are matched by slug: importing the same file twice changes nothing. Rows that do not pass are
        listed with their line numbers; the others are saved.
      </p>
      <ImportForm />
    </AdminPage>
  );
}
