// Run by `npm start` and `npm run dev` before the server: creates the embedded
// database on first run, applies pending migrations, seeds an empty catalog.
// Later starts only apply new migrations; they never reseed.
import { resolveDbTarget, describeDbTarget, type DbTarget } from "../lib/db/config";
import { loadEnv } from "../lib/env";
import { createDb, type DbHandle } from "../lib/db/client";
import { migrateDeploy } from "../lib/db/migrate";
import { withPrepareLock } from "../lib/db/prepare-lock";
import { ensureAdmin, needsSeed, seed } from "../prisma/seed";

async function main() {
  loadEnv(); // fails with a clear message when a public production server lacks NEXTAUTH_SECRET
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    // On PostgreSQL, one instance at a time: the others wait here, then find the
    // migrations applied and the catalog seeded.
    await withPrepareLock(
      target,
      () => prepare(target, handle),
      () => console.log("Database: another instance is preparing it; waiting…"),
    );
  } finally {
    await handle.close();
  }
}

async function prepare(target: DbTarget, handle: DbHandle) {
  const applied = await migrateDeploy(target, handle.opened);
  if (applied.length) console.log(`Database: applied ${applied.length} migration(s) to ${describeDbTarget(target)}.`);
  if (await needsSeed(handle.prisma)) {
    const r = await seed(handle.prisma);
    console.log(`Database: seeded ${r.films} films and ${r.reviews} reviews.`);
  }
  const admin = await ensureAdmin(handle.prisma);
  if (admin.created) console.log(`Database: created the moderator account ${admin.email} (see ADMIN_EMAIL / ADMIN_PASSWORD in the README).`);
  console.log(`Database: ${describeDbTarget(target)} is ready.`);
}

setTimeout(() => {
  console.error("prepare-db: timed out after 300 s");
  process.exit(1);
}, 300_000).unref();
main().then(
  () => process.exit(0),
  (e) => {
    console.error(`Could not start Marquee: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
