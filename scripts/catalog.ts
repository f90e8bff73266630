// npm run catalog:import -- FILE [--dry-run]     JSON Lines (.jsonl) or CSV (.csv)
// npm run catalog:export -- [FILE] [--format jsonl|csv]   (default: JSON Lines to stdout)
// Same rows and rules as the catalog editor. Exit code 1 when any row was rejected.
import fs from "node:fs";
import readline from "node:readline";
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { migrateDeploy } from "../lib/db/migrate";
import { detectFormat, type CatalogFormat } from "../lib/catalog/format";
import { exportCatalog, importCatalog, type ImportReport } from "../lib/data/catalog-import";

const USAGE = "usage: npm run catalog:import -- FILE [--dry-run]\n       npm run catalog:export -- [FILE] [--format jsonl|csv]";

function bar(fraction: number, rows: number): string {
  const width = 30;
  const done = Math.round(fraction * width);
  return `\r[${"#".repeat(done)}${".".repeat(width - done)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${rows.toLocaleString("en-US")} rows`;
}

export function printReport(r: ImportReport, out: (s: string) => void = console.log): void {
  out(
    `${r.dryRun ? "Dry run (nothing written): " : ""}${r.rows} rows read: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} rejected.`,
  );
  for (const x of r.rejected) out(`  line ${x.line}${x.slug ? ` (${x.slug})` : ""}: ${x.reasons.join("; ")}`);
}

async function runImport(file: string, dryRun: boolean): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    console.error(`catalog:import: cannot read ${file}`);
    return 2;
  }
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(64);
  fs.readSync(fd, head, 0, 64, 0);
  fs.closeSync(fd);
  const format = detectFormat(file, head.toString("utf8"));
  const tty = process.stderr.isTTY;
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    await migrateDeploy(target, handle.opened);
    // Opened only now: readline drops lines emitted before its iterator is read.
    const stream = fs.createReadStream(file, { encoding: "utf8" });
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    const t0 = Date.now();
    const report = await importCatalog(lines, {
      format,
      dryRun,
      source: file.split("/").pop(),
      prisma: handle.prisma,
      bytesRead: () => (stat.size ? Math.min(1, stream.bytesRead / stat.size) : 1),
      onProgress: (p) => {
        if (tty && p.fraction !== null) process.stderr.write(bar(p.fraction, p.rows));
      },
    });
    if (tty) process.stderr.write(`${bar(1, report.rows)}\n`);
    printReport(report);
    console.log(`${describeDbTarget(target)}, ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

async function runExport(file: string | undefined, format: CatalogFormat): Promise<number> {
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    await migrateDeploy(target, handle.opened);
    const out: NodeJS.WritableStream = file ? fs.createWriteStream(file, { encoding: "utf8" }) : process.stdout;
    let n = 0;
    for await (const line of exportCatalog(format, handle.prisma)) {
      if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
      n++;
    }
    if (file) await new Promise<void>((r) => (out as fs.WriteStream).end(r));
    console.error(`Exported ${format === "csv" ? n - 1 : n} films${file ? ` to ${file}` : ""}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const args = rest.filter((a, i) => !a.startsWith("--") && rest[i - 1] !== "--format");
  if (cmd === "import") {
    if (!args[0]) {
      console.error(USAGE);
      return 2;
    }
    return runImport(args[0], flags.has("--dry-run"));
  }
  if (cmd === "export") {
    const fi = rest.indexOf("--format");
    const format = (fi >= 0 ? rest[fi + 1] : args[0]?.endsWith(".csv") ? "csv" : "jsonl") as CatalogFormat;
    if (format !== "csv" && format !== "jsonl") {
      console.error(USAGE);
      return 2;
    }
    return runExport(args[0], format);
  }
  console.error(USAGE);
  return 2;
}

setTimeout(() => {
  console.error("catalog: timed out after 30 minutes");
  process.exit(3);
}, 30 * 60_000).unref();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(3);
  },
);
