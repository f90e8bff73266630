// npm run db:check — reads every table, recomputes every counter from the rows and
// checks the rules rows keep (rate limits, watch progress, votes); exits 1 on any problem.
// npm run db:check -- --repair — first sets every counter that differs to what its rows
// say (one transaction, only the rows that differ), then checks as above.
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { countEveryTable, findCounterDrift, findRowProblems, repairCounterDrift } from "../lib/data/integrity";

async function main() {
  const target = resolveDbTarget();
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--repair");
  if (unknown.length) {
    console.error(`db:check: unknown argument ${unknown[0]}. Usage: npm run db:check [-- --repair]`);
    return 2;
  }
  const handle = await createDb(target);
  try {
    if (args.includes("--repair")) {
      const fixed = await repairCounterDrift(handle.prisma);
      const total = Object.values(fixed).reduce((a, b) => a + b, 0);
      console.log(
        total
          ? `db:check: repaired ${Object.entries(fixed)
              .filter(([, n]) => n > 0)
              .map(([t, n]) => `${n} ${t} row(s)`)
              .join(", ")} on ${describeDbTarget(target)}.`
          : `db:check: nothing to repair on ${describeDbTarget(target)}.`,
      );
    }
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
