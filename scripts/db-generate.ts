// npm run db:generate -- [--films 100000] [--reviews 2000000] [--members 1000000] [--votes 5000000] [--force]
// Fills the configured database (DATABASE_URL, or the embedded PGlite) with a
// realistic store at size, for benchmarks: see scripts/db-generate-lib.ts for its shape.
// Refuses a database that holds members' data (accounts or reviews) unless --force,
// which empties every table first.
import pg from "pg";
import { resolveDbTarget, describeDbTarget, type DbTarget } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { migrateDeploy } from "../lib/db/migrate";
import { DEFAULTS, emptyStore, generateStore, holdsMemberData, type GenerateOptions, type Sql } from "./db-generate-lib";

export function parseArgs(argv: string[]): GenerateOptions & { force: boolean } {
  const out = { ...DEFAULTS, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--force") out.force = true;
    else if (/^--(films|reviews|members|votes)(=.*)?$/.test(a)) {
      const [flag, inline] = a.slice(2).split("=") as [keyof GenerateOptions, string | undefined];
      const raw = inline ?? argv[++i];
      const n = Number(String(raw).replace(/[_,]/g, ""));
      if (!Number.isInteger(n) || n < 0 || n > 50_000_000) throw new Error(`--${flag} needs a whole number up to 50,000,000 (got "${raw}")`);
      out[flag] = n;
    } else throw new Error(`unknown argument "${a}" (flags: --films --reviews --members --votes --force)`);
  }
  return out;
}

/** A raw SQL runner on one connection: pg for a server, the PGlite instance itself. */
export async function openSql(target: DbTarget, pglite: import("@electric-sql/pglite").PGlite | null): Promise<{ sql: Sql; close: () => Promise<void> }> {
  if (target.kind === "postgres") {
    const client = new pg.Client({ connectionString: target.connectionString, options: `-c search_path="${target.schema}"` });
    await client.connect();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`SET work_mem = '64MB'`);
    return {
      sql: {
        exec: async (q) => void (await client.query(q)),
        query: async <T>(q: string, params?: unknown[]) => (await client.query(q, params as unknown[])).rows as T[],
      },
      close: () => client.end(),
    };
  }
  if (!pglite) throw new Error("PGlite is not open");
  await pglite.exec(`SET maintenance_work_mem = '256MB'`);
  return {
    sql: {
      exec: async (q) => void (await pglite.exec(q)),
      query: async <T>(q: string, params?: unknown[]) => (await pglite.query<T>(q, params)).rows,
    },
    close: async () => {},
  };
}

function fmt(s: number): string {
  if (!Number.isFinite(s)) return "--:--";
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const target = resolveDbTarget();
  const handle = await createDb(target);
  try {
    await migrateDeploy(target, handle.opened);
    const { sql, close } = await openSql(target, handle.opened.pglite);
    try {
      if (await holdsMemberData(sql)) {
        if (!opts.force) {
          console.error(
            `db:generate: ${describeDbTarget(target)} holds members' data (accounts or reviews). ` +
              `Point DATABASE_URL at an empty database, or pass --force to empty every table first.`,
          );
          return 1;
        }
        console.log(`db:generate: --force: emptying every table of ${describeDbTarget(target)}`);
        await emptyStore(sql);
      }
      console.log(
        `db:generate: ${opts.films.toLocaleString("en-US")} films, ${opts.reviews.toLocaleString("en-US")} reviews, ` +
          `${opts.members.toLocaleString("en-US")} members, ~${opts.votes.toLocaleString("en-US")} votes into ${describeDbTarget(target)}`,
      );
      const tty = process.stdout.isTTY;
      const started = Date.now();
      let lastLabel = "";
      const result = await generateStore(sql, opts, (done, total, label) => {
        const elapsed = (Date.now() - started) / 1000;
        const pct = total > 0 ? done / total : 1;
        const eta = pct > 0.02 ? (elapsed / pct) * (1 - pct) : Infinity;
        const line = `[${String(Math.floor(pct * 100)).padStart(3)}%] ${label.padEnd(44)} elapsed ${fmt(elapsed)}  ETA ${fmt(eta)}`;
        if (tty) process.stdout.write(`\r${line}\x1b[K`);
        else if (label !== lastLabel) console.log(line);
        lastLabel = label;
      });
      if (tty) process.stdout.write("\n");
      console.log(
        `db:generate: done in ${result.seconds.toFixed(1)} s: ${result.films.toLocaleString("en-US")} films, ` +
          `${result.reviews.toLocaleString("en-US")} reviews, ${result.members.toLocaleString("en-US")} members, ` +
          `${result.votes.toLocaleString("en-US")} votes, ${result.reports.toLocaleString("en-US")} reports. Check it with npm run db:check.`,
      );
      return 0;
    } finally {
      await close();
    }
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && /db-generate\.ts$/.test(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
