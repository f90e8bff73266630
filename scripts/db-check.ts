// npm run db:check — reads every table, recomputes every counter from the rows and
// checks the rules rows keep (rate limits, watch progress, votes); exits 1 on any problem.
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { countEveryTable, findCounterDrift, findRowProblems } from "../lib/data/integrity";

async function main() {
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    const counts = await countEveryTable(handle.prisma);
    console.log(
      `db:check: read ${Object.keys(counts).length} tables (${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}).`,
    );
    const drift = await findCounterDrift(handle.prisma);
    const problems = await findRowProblems(handle.prisma);
    if (drift.length === 0 && problems.length === 0) {
      console.log(`db:check: every counter on ${describeDbTarget(target)} matches its rows, and every row keeps its rules.`);
      return 0;
    }
    if (drift.length) console.error(`db:check: ${drift.length} counter(s) differ from the rows on ${describeDbTarget(target)}:`);
    for (const d of drift.slice(0, 50)) console.error(`  ${d.table} ${d.id} ${d.column}: stored ${d.stored}, rows say ${d.actual}`);
    if (problems.length) console.error(`db:check: ${problems.length} row(s) break a rule on ${describeDbTarget(target)}:`);
    for (const p of problems.slice(0, 50)) console.error(`  ${p.table} ${p.id}: ${p.problem}`);
    return 1;
  } finally {
    await handle.close();
  }
}

setTimeout(() => process.exit(2), 300_000).unref();
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error && e.name === "DataDirLockedError" ? `db:check: ${e.message}` : e);
    process.exit(2);
  },
);
