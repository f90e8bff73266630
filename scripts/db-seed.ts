// npm run db:seed — (re)seeds the catalog. Idempotent; members' data is kept.
import { resolveDbTarget, describeDbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { migrateDeploy } from "../lib/db/migrate";
import { withPrepareLock } from "../lib/db/prepare-lock";
import { ensureAdmin, seed } from "../prisma/seed";

async function main() {
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    const t0 = Date.now();
    const r = await withPrepareLock(target, async () => {
      await migrateDeploy(target, handle.opened);
      const r = await seed(handle.prisma);
      await ensureAdmin(handle.prisma);
      return r;
    });
    console.log(
      `Seeded ${describeDbTarget(target)}: ${r.films} films, ${r.reviews} reviews, ${r.votes} helpful votes, ${r.users} reviewers (${Date.now() - t0} ms).`,
    );
  } finally {
    await handle.close();
  }
}

setTimeout(() => {
  console.error("db-seed: timed out after 300 s");
  process.exit(1);
}, 300_000).unref();
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error && e.name === "DataDirLockedError" ? `db:seed: ${e.message}` : e);
    process.exit(1);
  },
);
