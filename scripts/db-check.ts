// npm run db:check — recomputes every counter from the rows; exits 1 on any difference.
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { findCounterDrift } from "../lib/data/integrity";

async function main() {
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    const drift = await findCounterDrift(handle.prisma);
    if (drift.length === 0) {
      console.log(`db:check: every counter on ${describeDbTarget(target)} matches its rows.`);
      return 0;
    }
    console.error(`db:check: ${drift.length} counter(s) differ from the rows on ${describeDbTarget(target)}:`);
    for (const d of drift.slice(0, 50)) console.error(`  ${d.table} ${d.id} ${d.column}: stored ${d.stored}, rows say ${d.actual}`);
    return 1;
  } finally {
    await handle.close();
  }
}

setTimeout(() => process.exit(2), 300_000).unref();
main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error && e.name === "DataDirLockedError" ? `db:check: ${e.message}` : e);
  process.exit(2);
});
