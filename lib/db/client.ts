// The one Prisma client of the process. Only lib/data/*, scripts and tests import this.
import { PrismaClient } from "../generated/prisma/client";
import { resolveDbTarget, type DbTarget } from "./config";
import { openAdapter, type OpenedAdapter } from "./adapter";

export type Db = PrismaClient;
export type DbHandle = { prisma: PrismaClient; target: DbTarget; opened: OpenedAdapter; close: () => Promise<void> };

/** Opens a client on a target (reusing an already opened adapter when given). */
export async function createDb(target: DbTarget = resolveDbTarget(), opened?: OpenedAdapter): Promise<DbHandle> {
  const adapter = opened ?? (await openAdapter(target));
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    target,
    opened: adapter,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

const globalForDb = globalThis as unknown as { marqueeDb?: Promise<DbHandle> };

/**
 * The process-wide client. Migrations are applied before the server starts
 * (`npm start` and `npm run dev` run scripts/prepare-db.ts), never from a request.
 */
export function getDb(): Promise<DbHandle> {
  if (!globalForDb.marqueeDb) {
    const opening = createDb(resolveDbTarget());
    globalForDb.marqueeDb = opening;
    // A failed open (folder locked, disk error) is not remembered: the next request retries.
    opening.catch(() => {
      if (globalForDb.marqueeDb === opening) globalForDb.marqueeDb = undefined;
    });
  }
  return globalForDb.marqueeDb;
}

/** Lets tests point the data layer at their own database. */
export function setDbForTests(handle: DbHandle): void {
  globalForDb.marqueeDb = Promise.resolve(handle);
}

export async function db(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}
