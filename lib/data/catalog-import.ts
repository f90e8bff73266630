import "server-only";
// Bulk import and export of the catalog. Rows are validated with the editor's schema
// (lib/validation/film.ts) and upserted by slug in batches: a few set-based statements
// per batch, each changing only what differs, so running the same file twice changes
// nothing. Used by `npm run catalog:import` / `catalog:export` and by /admin/import.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { formatFilm, csvHeader, recordReader, type CatalogFormat, type ExportFilm, type RawRecord } from "../catalog/format";
import { slugify } from "../slug";
import { filmInputSchema, type FilmInput } from "../validation/film";
import { writeAudit } from "./audit";
import { filmFacts, filmFactsInclude } from "./film-mapping";
import { writeTx } from "./tx";

export const IMPORT_BATCH = 2000;

export type RejectedRow = { line: number; slug: string | null; reasons: string[] };
export type ImportReport = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  dryRun: boolean;
  /** Slugs of the films created or changed (for cache invalidation); at most 10,000. */
  changedSlugs: string[];
};
export type ImportProgress = { rows: number; fraction: number | null };

const rid = (p: string) => `${p}_${randomBytes(10).toString("hex")}`;

function reasonsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) =>
    i.path.length && !i.message.toLowerCase().startsWith(String(i.path[0]).toLowerCase()) ? `${String(i.path[0])}: ${i.message}` : i.message,
  );
}

/**
 * Imports records from `lines` (an async iterable of text lines). `onProgress` is
 * called after each batch with the rows seen and, when `bytes` tells the size, the
 * fraction read. Nothing is written with dryRun.
 */
export async function importCatalog(
  lines: AsyncIterable<string> | Iterable<string>,
  opts: {
    format: CatalogFormat;
    dryRun?: boolean;
    actorId?: string | null;
    source?: string;
    prisma?: PrismaClient;
    onProgress?: (p: ImportProgress) => void;
    bytesRead?: () => number | null;
  },
): Promise<ImportReport> {
  const prisma = opts.prisma ?? (await db());
  const reader = recordReader(opts.format);
  const report: ImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [], dryRun: !!opts.dryRun, changedSlugs: [] };
  const seen = new Map<string, number>();
  let batch: FilmInput[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    if (!opts.dryRun) {
      const r = await writeBatch(prisma, batch);
      report.created += r.created;
      report.updated += r.updated;
      for (const slug of r.slugs) if (report.changedSlugs.length < 10_000) report.changedSlugs.push(slug);
      report.unchanged += batch.length - r.created - r.updated;
    } else report.unchanged += 0;
    batch = [];
    opts.onProgress?.({ rows: report.rows, fraction: opts.bytesRead?.() ?? null });
  };

  const handle = async (records: RawRecord[]) => {
    for (const rec of records) {
      if ("error" in rec) {
        if (rec.line === 1 && /header|empty/.test(rec.error)) report.rejected.push({ line: rec.line, slug: null, reasons: [rec.error] });
        else {
          report.rows += 1;
          report.rejected.push({ line: rec.line, slug: null, reasons: [rec.error] });
        }
        continue;
      }
      report.rows += 1;
      const parsed = filmInputSchema.safeParse(rec.value);
      const rawSlug = (rec.value as { slug?: unknown; title?: unknown }).slug;
      if (!parsed.success) {
        const guess =
          typeof rawSlug === "string" && rawSlug
            ? rawSlug.slice(0, 80)
            : typeof (rec.value as { title?: unknown }).title === "string"
              ? slugify(String((rec.value as { title: string }).title).slice(0, 200)) || null
              : null;
        report.rejected.push({ line: rec.line, slug: guess, reasons: reasonsOf(parsed.error) });
        continue;
      }
      const first = seen.get(parsed.data.slug);
      if (first !== undefined) {
        report.rejected.push({ line: rec.line, slug: parsed.data.slug, reasons: [`slug: “${parsed.data.slug}” already appears on line ${first}.`] });
        continue;
      }
      seen.set(parsed.data.slug, rec.line);
      batch.push(parsed.data);
      if (batch.length >= IMPORT_BATCH) await flush();
    }
  };

  for await (const line of lines) {
    reader.push(line);
    await handle(reader.take());
  }
  await handle(reader.end());
  await flush();
  if (opts.dryRun) report.unchanged = 0;
  if (!opts.dryRun && (report.created || report.updated)) {
    await writeAudit(prisma, {
      actorId: opts.actorId ?? null,
      kind: "film.import",
      targetType: "catalog",
      targetId: "catalog",
      targetLabel: opts.source ? `import of ${opts.source}` : "import",
      summary: `${report.rows} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
    });
  }
  return report;
}

/** A film row to upsert: the file's facts without its relations, and the publisher's id. */
type FilmRec = Omit<FilmInput, "genres" | "directors" | "cast" | "publisher"> & { id: string; publisherId: string | null };

/** Finds or creates rows of a name table (by slug or lower-cased name); returns key → id. */
async function ensureNamed(
  tx: Prisma.TransactionClient,
  table: "Genre" | "Person" | "Publisher",
  names: Map<string, string>,
  prefix: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (names.size === 0) return ids;
  const keys = [...names.keys()];
  const keyCol = table === "Publisher" ? Prisma.raw(`lower(name)`) : Prisma.raw(`slug`);
  const read = async () => {
    const rows = await tx.$queryRaw<{ id: string; k: string }[]>(
      Prisma.sql`SELECT id, ${keyCol} AS k FROM ${Prisma.raw(`"${table}"`)} WHERE ${keyCol} = ANY(${keys}::text[])`,
    );
    for (const r of rows) ids.set(r.k, r.id);
  };
  await read();
  const missing = keys.filter((k) => !ids.has(k)).map((k) => ({ id: rid(prefix), k, name: names.get(k)! }));
  if (missing.length) {
    const json = JSON.stringify(missing);
    if (table === "Publisher") {
      await tx.$executeRaw(
        Prisma.sql`INSERT INTO "Publisher" (id, name) SELECT x.id, x.name FROM jsonb_to_recordset(${json}::jsonb) AS x(id text, k text, name text) ON CONFLICT DO NOTHING`,
      );
    } else {
      await tx.$executeRaw(
        Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (id, slug, name) SELECT x.id, x.k, x.name FROM jsonb_to_recordset(${json}::jsonb) AS x(id text, k text, name text) ON CONFLICT DO NOTHING`,
      );
    }
    await read();
  }
  return ids;
}

/** Upserts one batch in one transaction; returns how many films were created and updated. */
async function writeBatch(prisma: PrismaClient, films: FilmInput[]): Promise<{ created: number; updated: number; slugs: string[] }> {
  return writeTx(async (tx) => {
    const pubNames = new Map<string, string>();
    const genreNames = new Map<string, string>();
    const personNames = new Map<string, string>();
    for (const f of films) {
      if (f.publisher) pubNames.set(f.publisher.toLowerCase(), f.publisher);
      for (const g of f.genres) if (!genreNames.has(slugify(g))) genreNames.set(slugify(g), g);
      for (const p of [...f.directors, ...f.cast]) if (!personNames.has(slugify(p))) personNames.set(slugify(p), p);
    }
    const pubs = await ensureNamed(tx, "Publisher", pubNames, "publisher");
    const genres = await ensureNamed(tx, "Genre", genreNames, "genre");
    const people = await ensureNamed(tx, "Person", personNames, "person");

    const recs: FilmRec[] = films.map(({ genres: _g, directors: _d, cast: _c, publisher, ...facts }) => ({
      id: rid("film"),
      ...facts,
      publisherId: publisher ? (pubs.get(publisher.toLowerCase()) ?? null) : null,
    }));
    const changed = await tx.$queryRaw<{ id: string; inserted: boolean }[]>(Prisma.sql`
      INSERT INTO "Film" AS f (id, slug, title, year, "releaseDate", "runtimeMinutes", tagline, synopsis, "contentRating", published, "publisherId", "updatedAt")
      SELECT x.id, x.slug, x.title, x.year, x."releaseDate"::date, x."runtimeMinutes", x.tagline, x.synopsis, x."contentRating", x.published, x."publisherId", now()
      FROM jsonb_to_recordset(${JSON.stringify(recs)}::jsonb) AS x(id text, slug text, title text, year int, "releaseDate" text, "runtimeMinutes" int,
           tagline text, synopsis text, "contentRating" text, published boolean, "publisherId" text)
      ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, year = EXCLUDED.year, "releaseDate" = EXCLUDED."releaseDate",
        "runtimeMinutes" = EXCLUDED."runtimeMinutes", tagline = EXCLUDED.tagline, synopsis = EXCLUDED.synopsis,
        "contentRating" = EXCLUDED."contentRating", published = EXCLUDED.published, "publisherId" = EXCLUDED."publisherId", "updatedAt" = now()
      WHERE (f.title, f.year, f."releaseDate", f."runtimeMinutes", f.tagline, f.synopsis, f."contentRating", f.published, f."publisherId")
            IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.year, EXCLUDED."releaseDate", EXCLUDED."runtimeMinutes", EXCLUDED.tagline,
                              EXCLUDED.synopsis, EXCLUDED."contentRating", EXCLUDED.published, EXCLUDED."publisherId")
      RETURNING f.id, (xmax = 0) AS inserted`);
    const slugs = films.map((f) => f.slug);
    const idRows = await tx.$queryRaw<{ id: string; slug: string }[]>(Prisma.sql`SELECT id, slug FROM "Film" WHERE slug = ANY(${slugs}::text[])`);
    const filmIds = new Map(idRows.map((r) => [r.slug, r.id]));
    const ids = [...filmIds.values()];
    // A slug given here now belongs to this film, not to a film renamed away from it.
    await tx.$executeRaw(Prisma.sql`DELETE FROM "FilmSlugRedirect" WHERE "oldSlug" = ANY(${slugs}::text[])`);

    const genrePairs: { f: string; g: string }[] = [];
    const credits: { id: string; f: string; p: string; r: string; pos: number }[] = [];
    for (const film of films) {
      const f = filmIds.get(film.slug)!;
      for (const g of new Set(film.genres.map((n) => genres.get(slugify(n))!))) genrePairs.push({ f, g });
      const seen = new Set<string>();
      film.directors.forEach((n, i) => {
        const p = people.get(slugify(n))!;
        if (!seen.has(`D${p}`)) credits.push({ id: rid("credit"), f, p, r: "DIRECTOR", pos: i });
        seen.add(`D${p}`);
      });
      film.cast.forEach((n, i) => {
        const p = people.get(slugify(n))!;
        if (!seen.has(`C${p}`)) credits.push({ id: rid("credit"), f, p, r: "CAST", pos: i });
        seen.add(`C${p}`);
      });
    }
    const gj = JSON.stringify(genrePairs);
    const cj = JSON.stringify(credits);
    const touched = (rows: { filmId: string }[]) => rows.map((r) => r.filmId);
    const linkChanges = [
      ...touched(
        await tx.$queryRaw(Prisma.sql`
        DELETE FROM "FilmGenre" fg WHERE fg."filmId" = ANY(${ids}::text[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${gj}::jsonb) AS x(f text, g text) WHERE x.f = fg."filmId" AND x.g = fg."genreId")
        RETURNING fg."filmId"`),
      ),
      ...touched(
        await tx.$queryRaw(Prisma.sql`
        INSERT INTO "FilmGenre" ("filmId", "genreId") SELECT x.f, x.g FROM jsonb_to_recordset(${gj}::jsonb) AS x(f text, g text)
        ON CONFLICT DO NOTHING RETURNING "filmId"`),
      ),
      ...touched(
        await tx.$queryRaw(Prisma.sql`
        DELETE FROM "Credit" c WHERE c."filmId" = ANY(${ids}::text[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${cj}::jsonb) AS x(f text, p text, r text)
                          WHERE x.f = c."filmId" AND x.p = c."personId" AND x.r = c.role::text)
        RETURNING c."filmId"`),
      ),
      ...touched(
        await tx.$queryRaw(Prisma.sql`
        INSERT INTO "Credit" AS c (id, "filmId", "personId", role, position)
        SELECT x.id, x.f, x.p, x.r::"CreditRole", x.pos FROM jsonb_to_recordset(${cj}::jsonb) AS x(id text, f text, p text, r text, pos int)
        ON CONFLICT ("filmId", "personId", role) DO UPDATE SET position = EXCLUDED.position WHERE c.position <> EXCLUDED.position
        RETURNING c."filmId"`),
      ),
    ];
    const inserted = new Set(changed.filter((r) => r.inserted).map((r) => r.id));
    const updatedIds = new Set([...changed.filter((r) => !r.inserted).map((r) => r.id), ...linkChanges].filter((id) => !inserted.has(id)));
    if (linkChanges.length) {
      const linkOnly = [...updatedIds].filter((id) => !changed.some((r) => r.id === id));
      if (linkOnly.length) await tx.$executeRaw(Prisma.sql`UPDATE "Film" SET "updatedAt" = now() WHERE id = ANY(${linkOnly}::text[])`);
    }
    const created = inserted.size;
    const updated = updatedIds.size;
    const slugOf = new Map(idRows.map((r) => [r.id, r.slug]));
    return { created, updated, slugs: [...inserted, ...updatedIds].map((id) => slugOf.get(id)!).filter(Boolean) };
  }, prisma);
}

// ---------- export ----------

/** Every film in the import format, by slug, a page at a time (so any size fits in memory). */
export async function* exportCatalog(format: CatalogFormat, prisma?: PrismaClient): AsyncGenerator<string> {
  const client = prisma ?? (await db());
  if (format === "csv") yield csvHeader();
  let after = "";
  for (;;) {
    const films = await client.film.findMany({
      where: after ? { slug: { gt: after } } : {},
      orderBy: { slug: "asc" },
      take: 1000,
      include: filmFactsInclude,
    });
    if (films.length === 0) return;
    for (const f of films) {
      const e: ExportFilm = filmFacts(f);
      yield formatFilm(e, format);
    }
    after = films[films.length - 1]!.slug;
  }
}
