// npm run db:migrate | db:migrate:create <name> | db:status
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { migrateCreate, migrateDeploy, migrateStatus } from "../lib/db/migrate";
import { withPrepareLock } from "../lib/db/prepare-lock";

async function main() {
  const [cmd = "deploy", name] = process.argv.slice(2);
  const target = resolveDbTarget();
  if (cmd === "deploy") {
    const applied = await withPrepareLock(target, () => migrateDeploy(target));
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeDbTarget(target)}: ${applied.join(", ")}`
        : `${describeDbTarget(target)} is up to date.`,
    );
  } else if (cmd === "status") {
    const s = await migrateStatus(target);
    console.log(s.pending.length ? `Pending on ${describeDbTarget(target)}: ${s.pending.join(", ")}` : `${describeDbTarget(target)} is up to date.`);
    if (s.problem) {
      console.error(`Migration history problem: ${s.problem}`);
      process.exitCode = 1;
    }
  } else if (cmd === "create") {
    if (!name) throw new Error("usage: npm run db:migrate:create -- <name>");
    if (target.kind !== "pglite") throw new Error("Author migrations against PGlite (unset DATABASE_URL); deploy them anywhere.");
    const dir = await migrateCreate(target, name);
    console.log(dir ? `Wrote ${dir}/migration.sql` : "The schema matches the migrations: nothing to write.");
  } else {
    throw new Error(`unknown command ${cmd}`);
  }
}

const timer = setTimeout(() => {
  console.error("db-migrate: timed out after 120 s");
  process.exit(1);
}, 120_000);
timer.unref();
main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
