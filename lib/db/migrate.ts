// A migration runner on Prisma's WebAssembly schema engine, because the native engine
// cannot be downloaded here. It reads and writes Prisma's own layout
// (prisma/migrations/<timestamp>_<name>/migration.sql, migration_lock.toml,
// the _prisma_migrations table), so `prisma migrate` elsewhere can use the same folder.
// It rests on an internal API: @prisma/schema-engine-wasm is pinned exactly and
// tests/integration/migrate.test.ts migrates an empty database on every run.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DbTarget } from "./config";
import { openAdapter, type OpenedAdapter } from "./adapter";

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const filters = { externalTables: [] as string[], externalEnums: [] as string[] };

/** The few methods of the WebAssembly schema engine this runner calls (its own .d.ts is internal). */
type MigrationsInput = { migrationsList: ReturnType<typeof readMigrations>; filters: typeof filters };
type Engine = {
  applyMigrations(input: MigrationsInput): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: MigrationsInput & { optInToShadowDatabase: boolean }): Promise<{
    failedMigrationNames?: string[];
    history: { diagnostic: string; unappliedMigrationNames?: string[] } | null;
  }>;
  diff(params: Record<string, unknown>): Promise<{ stdout?: string | null }>;
  free(): void;
};

let glue: Promise<Record<string, unknown>> | null = null;
async function loadGlue(): Promise<Record<string, unknown>> {
  glue ??= (async () => {
    const require = createRequire(path.join(ROOT, "package.json"));
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const mod = (await import(/* webpackIgnore: true */ gluePath)) as Record<string, unknown>;
    const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": mod as WebAssembly.ModuleImports });
    (mod.__wbg_set_wasm as (x: unknown) => void)(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return mod;
  })();
  return glue;
}

async function withEngine<T>(target: DbTarget, opened: OpenedAdapter | undefined, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const mod = await loadGlue();
  const own = opened ? null : await openAdapter(target);
  const adapter = (opened ?? own)!;
  if (target.kind === "postgres" && target.schema !== "public") {
    // The schema engine expects the schema to exist.
    const conn = await adapter.factory.connect();
    await conn.executeScript(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
    await conn.dispose();
  }
  const schemaText = fs.readFileSync(SCHEMA_PATH, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(adapter.factory);
  const SchemaEngine = mod.SchemaEngine as { new: (o: unknown, cb: () => void, a: unknown) => Promise<Engine> };
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, () => {}, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    if (own) await own.close();
  }
}

function readMigrations() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** `prisma migrate deploy`: applies every pending migration; returns the names applied. */
export async function migrateDeploy(target: DbTarget, opened?: OpenedAdapter): Promise<string[]> {
  return withEngine(target, opened, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    return out.appliedMigrationNames;
  });
}

/** `prisma migrate status`: which migrations the database has not applied yet. */
export async function migrateStatus(target: DbTarget): Promise<{ pending: string[]; problem: string | null }> {
  return withEngine(target, undefined, async (engine) => {
    const out = await engine.diagnoseMigrationHistory({ migrationsList: readMigrations(), optInToShadowDatabase: false, filters });
    const h = out.history;
    if (!h) return { pending: [], problem: out.failedMigrationNames?.length ? `failed: ${out.failedMigrationNames.join(", ")}` : null };
    if (h.diagnostic === "databaseIsBehind") return { pending: h.unappliedMigrationNames ?? [], problem: null };
    return { pending: h.unappliedMigrationNames ?? [], problem: h.diagnostic };
  });
}

/**
 * `prisma migrate dev --create-only`: applies pending migrations to the target, then
 * writes the SQL that takes it to the schema as a new migration folder. Use PGlite.
 */
export async function migrateCreate(target: DbTarget, name: string): Promise<string | null> {
  return withEngine(target, undefined, async (engine) => {
    await engine.applyMigrations({ migrationsList: readMigrations(), filters });
    const files = [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, "utf8") }];
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters,
    });
    const sql = out.stdout ?? "";
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) return null;
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) {
      fs.writeFileSync(
        lock,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
    }
    return dir;
  });
}
