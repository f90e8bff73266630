"use client";
import { useState } from "react";
import { expireImportedAction } from "@/lib/actions/films";
import { Button } from "../ui/Button";
import { errorTextClass } from "../ui/FieldError";

type Report = {
  changedSlugs?: string[];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  rejected: { line: number; slug: string | null; reasons: string[] }[];
};

/** Uploads the file, shows progress while batches are written, then the report. */
export function ImportForm() {
  const [progress, setProgress] = useState<{ rows: number; fraction: number | null } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement) {
    setBusy(true);
    setReport(null);
    setError(null);
    setProgress({ rows: 0, fraction: 0 });
    try {
      const res = await fetch("/admin/import/run", { method: "POST", body: new FormData(form) });
      if (!res.ok || !res.body) {
        const j = (await res.json().catch(() => null)) as { message?: string } | null;
        setError(j?.message ?? "The import could not start.");
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const msg = JSON.parse(buf.slice(0, nl)) as { type: string; rows?: number; fraction?: number | null; report?: Report; message?: string };
          buf = buf.slice(nl + 1);
          if (msg.type === "progress") setProgress({ rows: msg.rows ?? 0, fraction: msg.fraction ?? null });
          else if (msg.type === "report" && msg.report) {
            if (msg.report.changedSlugs?.length) await expireImportedAction(msg.report.changedSlugs);
            setReport(msg.report);
            setProgress({ rows: msg.report.rows, fraction: 1 });
          } else if (msg.type === "error") setError(msg.message ?? "The import stopped.");
        }
      }
    } catch {
      setError("The connection was lost during the import.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <label htmlFor="import-file" className="font-medium">
          File to import
        </label>
        <input id="import-file" name="file" type="file" accept=".jsonl,.ndjson,.json,.csv,text/csv,application/json" required />
        <div className="flex items-center gap-2">
          <input id="import-dry" name="dryRun" type="checkbox" />
          <label htmlFor="import-dry">Dry run: check every row, write nothing</label>
        </div>
        <Button type="submit" size="lg" disabled={busy} className="self-start">
          Import
        </Button>
      </form>
      {progress && (
        <div>
          <label htmlFor="import-progress" className="text-sm font-medium">
            Progress
          </label>
          <progress
            id="import-progress"
            className="block w-full"
            max={1}
            value={progress.fraction ?? undefined}
            aria-valuetext={`${progress.rows} rows read`}
          />
          <p className="text-sm text-muted" aria-live="polite">
            {progress.rows.toLocaleString()} rows read
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className={errorTextClass}>
          {error}
        </p>
      )}
      {report && (
        <section aria-labelledby="import-report" className="rounded-xl border border-line p-4">
          <h2 id="import-report" className="text-lg font-semibold">
            {report.dryRun ? "Dry run report (nothing written)" : "Import report"}
          </h2>
          <p role="status">
            {report.rows} rows read: {report.created} created, {report.updated} updated, {report.unchanged} unchanged, {report.rejected.length} rejected.
          </p>
          {report.rejected.length > 0 && (
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Slug</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.slice(0, 1000).map((r) => (
                  <tr key={r.line} className="border-t border-line align-top">
                    <td className="pr-2">{r.line}</td>
                    <td className="pr-2">{r.slug ?? "—"}</td>
                    <td>{r.reasons.join("; ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
