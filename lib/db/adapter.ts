// Builds the Prisma driver adapter (and, for PGlite, the database instance) for a target.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DbTarget } from "./config";
import { settings } from "../env";
import { acquireDataDirLock } from "./dir-lock.mjs";

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  pglite: PGlite | null;
  close: () => Promise<void>;
};

export async function openPGlite(dataDir: string | null): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? "memory://", { extensions: { pg_trgm, unaccent } });
  return db;
}

export async function openAdapter(target: DbTarget): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    const factory = new PrismaPg(
      {
        connectionString: target.connectionString,
        max: settings().DATABASE_POOL_SIZE,
        options: `-c search_path="${target.schema}"`,
      },
      { schema: target.schema },
    );
    return { factory, pglite: null, close: async () => {} };
  }
  // One process per data folder: refuses (DataDirLockedError) while another holds it.
  const release = target.dataDir ? acquireDataDirLock(target.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await openPGlite(target.dataDir);
  } catch (e) {
    release();
    throw e;
  }
  const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return {
    factory,
    pglite,
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close(); // flushes to disk
      } finally {
        release();
      }
    },
  };
}
