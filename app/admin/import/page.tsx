import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { canEditCatalog } from "@/lib/auth/roles";
import { AdminNav } from "@/components/admin/AdminNav";
import { ImportForm } from "@/components/admin/ImportForm";
import { FILM_FIELDS } from "@/lib/validation/film";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import films", robots: { index: false } };

export default async function ImportPage() {
  const user = await requirePage(canEditCatalog, "/admin/import");
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <AdminNav user={user} current="/admin/import" />
      <h1 className="text-2xl font-bold tracking-tight">Import films</h1>
      <p className="text-muted">
        A JSON Lines file (one film per line, <code>.jsonl</code>) or a CSV file with a header row (<code>.csv</code>, lists separated by <code>|</code>). Columns:{" "}
        <code>{FILM_FIELDS.join(", ")}</code>. Films are matched by slug: importing the same file twice changes nothing. Rows that do not pass are listed with their line numbers; the others are saved.
      </p>
      <ImportForm />
    </div>
  );
}
