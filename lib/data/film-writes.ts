import "server-only";
// The catalog editor's writes: create and edit a film (with its genres, ordered credits,
// publisher, poster and trailer), publish/unpublish, delete. Each in one transaction with
// its audit entry; callers (lib/actions/films.ts) revalidate the tags in the result.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { canEditCatalog } from "../auth/roles";
import { editorFilmCursor } from "../keyset/cursor";
import { fail, fromZod, type Result } from "../result";
import { slugify } from "../slug";
import { filmIdSchema, filmInputSchema, type FilmInput } from "../validation/film";
import { filmMediaSchema } from "../validation/film-media";
import { diffSummary, writeAudit } from "./audit";
import type { Actor } from "../auth/actor";
import { filmFacts, filmFactsInclude, type FilmWithFacts } from "./film-mapping";
import { writeTx, type Tx } from "./tx";

export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString("hex")}`;

const NOT_EDITOR = "Only catalog editors can do that.";

/** What a film write changed: the tags to revalidate (film pages under both slugs, lists). */
export type FilmWriteResult = { filmId: string; filmSlug: string; filmSlugs: string[] };

/** The facts of a film as the editor and the audit trail see them. */
export type EditableFilm = FilmInput & { id: string; posterPath: string | null; trailerPath: string | null; reviewCount: number };

export async function loadFilmForEdit(filmId: string): Promise<EditableFilm | null> {
  const prisma = await db();
  const f = await prisma.film.findUnique({ where: { id: filmId }, include: filmFactsInclude });
  return f ? toEditable(f) : null;
}

function toEditable(f: FilmWithFacts): EditableFilm {
  return { id: f.id, ...filmFacts(f), posterPath: f.posterPath, trailerPath: f.trailerPath, reviewCount: f.reviewCount };
}

async function genreIds(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const g =
      (await tx.genre.findUnique({ where: { slug }, select: { id: true } })) ??
      (await tx.genre.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } }));
    ids.push(g ? g.id : (await tx.genre.create({ data: { id: newId("genre"), slug, name }, select: { id: true } })).id);
  }
  return [...new Set(ids)];
}

async function personIds(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const p = await tx.person.findUnique({ where: { slug }, select: { id: true } });
    ids.push(p ? p.id : (await tx.person.create({ data: { id: newId("person"), slug, name }, select: { id: true } })).id);
  }
  return ids;
}

export async function publisherId(tx: Tx, name: string): Promise<string | null> {
  if (!name) return null;
  const p = await tx.publisher.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  return p ? p.id : (await tx.publisher.create({ data: { id: newId("publisher"), name }, select: { id: true } })).id;
}

/** Creates a film (no filmId) or edits one. Slug changes leave a redirect behind. */
export async function saveFilm(actor: Actor, raw: Record<string, unknown>): Promise<Result<FilmWriteResult>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  if (!canEditCatalog(actor)) return fail(NOT_EDITOR, "forbidden");
  const parsed = filmInputSchema.safeParse(raw);
  const media = filmMediaSchema.safeParse(raw);
  if (!parsed.success || !media.success) {
    const a = parsed.success ? { fieldErrors: {} } : fromZod(parsed.error);
    const b = media.success ? { fieldErrors: {} } : fromZod(media.error);
    return fail("Please check the highlighted fields.", "invalid", { ...a.fieldErrors, ...b.fieldErrors });
  }
  const input = parsed.data;
  const { filmId, posterPath, trailerPath } = media.data;
  return writeTx(async (tx) => {
    const before = filmId ? await tx.film.findUnique({ where: { id: filmId }, include: { ...filmFactsInclude, genres: { include: { genre: true } } } }) : null;
    if (filmId && !before) return fail("This film is no longer in the catalog.", "not-found");
    const owner = await tx.film.findUnique({ where: { slug: input.slug }, select: { id: true, title: true } });
    if (owner && owner.id !== filmId)
      return fail("Please check the highlighted fields.", "conflict", { slug: [`Slug “${input.slug}” is taken by ${owner.title}.`] });
    const redirect = await tx.filmSlugRedirect.findUnique({ where: { oldSlug: input.slug }, select: { filmId: true } });
    if (redirect && redirect.filmId !== filmId)
      return fail("Please check the highlighted fields.", "conflict", { slug: [`Slug “${input.slug}” was used by another film and still leads to it.`] });
    if (redirect) await tx.filmSlugRedirect.delete({ where: { oldSlug: input.slug } });

    const facts = {
      slug: input.slug,
      title: input.title,
      year: input.year,
      releaseDate: new Date(`${input.releaseDate}T00:00:00Z`),
      runtimeMinutes: input.runtimeMinutes,
      tagline: input.tagline,
      synopsis: input.synopsis,
      contentRating: input.contentRating,
      published: input.published,
      publisherId: await publisherId(tx, input.publisher),
      posterPath: posterPath || null,
      trailerPath: trailerPath || null,
    };
    const film = before
      ? await tx.film.update({ where: { id: before.id }, data: facts, select: { id: true, slug: true } })
      : await tx.film.create({ data: { id: newId("film"), ...facts }, select: { id: true, slug: true } });

    const genres = await genreIds(tx, input.genres);
    await tx.filmGenre.deleteMany({ where: { filmId: film.id } });
    await tx.filmGenre.createMany({ data: genres.map((genreId) => ({ filmId: film.id, genreId })) });
    const directors = await personIds(tx, input.directors);
    const cast = await personIds(tx, input.cast);
    await tx.credit.deleteMany({ where: { filmId: film.id } });
    await tx.credit.createMany({
      data: [
        ...directors.map((personId, i) => ({ id: newId("credit"), filmId: film.id, personId, role: "DIRECTOR" as const, position: i })),
        ...cast.map((personId, i) => ({ id: newId("credit"), filmId: film.id, personId, role: "CAST" as const, position: i })),
      ],
      skipDuplicates: true,
    });

    const slugs = [film.slug];
    if (before && before.slug !== film.slug) {
      await tx.filmSlugRedirect.upsert({ where: { oldSlug: before.slug }, create: { oldSlug: before.slug, filmId: film.id }, update: { filmId: film.id } });
      slugs.push(before.slug);
    }
    const after = { ...input, posterPath: facts.posterPath, trailerPath: facts.trailerPath };
    const prev = before ? (({ id: _id, reviewCount: _r, ...rest }) => rest)(toEditable(before)) : null;
    await writeAudit(tx, {
      actorId: actor.id,
      kind: before ? "film.update" : "film.create",
      targetType: "film",
      targetId: film.id,
      targetLabel: input.title,
      summary: diffSummary(prev, after),
    });
    return { ok: true, message: before ? "Film saved." : "Film created.", data: { filmId: film.id, filmSlug: film.slug, filmSlugs: slugs } };
  });
}

export async function setPublished(actor: Actor, raw: unknown, published: boolean): Promise<Result<FilmWriteResult>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  if (!canEditCatalog(actor)) return fail(NOT_EDITOR, "forbidden");
  const parsed = filmIdSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  return writeTx(async (tx) => {
    const f = await tx.film.findUnique({ where: { id: parsed.data.filmId }, select: { id: true, slug: true, title: true, published: true } });
    if (!f) return fail("This film is no longer in the catalog.", "not-found");
    if (f.published !== published) {
      await tx.film.update({ where: { id: f.id }, data: { published }, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.id,
        kind: published ? "film.publish" : "film.unpublish",
        targetType: "film",
        targetId: f.id,
        targetLabel: f.title,
        summary: `published: ${f.published} → ${published}`,
      });
    }
    return {
      ok: true,
      message: published
        ? "Published: the film is back in lists, search and the sitemap."
        : "Unpublished: the film is out of lists, search and the sitemap. Its reviews are kept.",
      data: { filmId: f.id, filmSlug: f.slug, filmSlugs: [f.slug] },
    };
  });
}

/** Deletes a film that has no reviews at all (hidden ones count: they are kept for moderation). */
export async function deleteFilm(actor: Actor, raw: unknown): Promise<Result<FilmWriteResult>> {
  if (!actor) return fail("Sign in to do that.", "unauthenticated");
  if (!canEditCatalog(actor)) return fail(NOT_EDITOR, "forbidden");
  const parsed = filmIdSchema.safeParse(raw);
  if (!parsed.success) return fromZod(parsed.error);
  return writeTx(async (tx) => {
    const f = await tx.$queryRaw<{ id: string; slug: string; title: string }[]>(
      Prisma.sql`SELECT id, slug, title FROM "Film" WHERE id = ${parsed.data.filmId} FOR UPDATE`,
    );
    const film = f[0];
    if (!film) return fail("This film is no longer in the catalog.", "not-found");
    const reviews = await tx.review.count({ where: { filmId: film.id } });
    if (reviews > 0) return fail(`This film has ${reviews === 1 ? "1 review" : `${reviews} reviews`}: unpublish it instead.`, "conflict");
    const redirects = await tx.filmSlugRedirect.findMany({ where: { filmId: film.id }, select: { oldSlug: true } });
    await tx.film.delete({ where: { id: film.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      kind: "film.delete",
      targetType: "film",
      targetId: film.id,
      targetLabel: film.title,
      summary: `slug: ${film.slug}`,
    });
    return {
      ok: true,
      message: `“${film.title}” was deleted.`,
      data: { filmId: film.id, filmSlug: film.slug, filmSlugs: [film.slug, ...redirects.map((r) => r.oldSlug)] },
    };
  });
}

// ---------- reads for the editor ----------

export type EditorFilmRow = { id: string; slug: string; title: string; year: number; published: boolean; reviewCount: number; updatedAt: string };
export type EditorFilmPage = { items: EditorFilmRow[]; next: string | null };

/** Every film (published or not), by title, optionally matching text, keyset-paged. */
export async function listFilmsForEditor(input: { q?: string; cursor?: string; limit?: number }): Promise<EditorFilmPage> {
  const prisma = await db();
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  const where: Prisma.Sql[] = [];
  const q = input.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(Prisma.sql`(title ILIKE ${like} OR slug ILIKE ${like})`);
  }
  const c = editorFilmCursor.decode(input.cursor);
  if (c) where.push(Prisma.sql`(title COLLATE "C", id) > (${c.values[0]}, ${c.id})`);
  const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<EditorFilmRow, "updatedAt"> & { updatedAt: Date })[]>(Prisma.sql`
    SELECT id, slug, title, year, published, "reviewCount", "updatedAt" FROM "Film" ${filter}
    ORDER BY title COLLATE "C", id LIMIT ${limit + 1}`);
  const page = rows
    .slice(0, limit)
    .map((r) => ({ ...r, year: Number(r.year), reviewCount: Number(r.reviewCount), updatedAt: new Date(r.updatedAt).toISOString() }));
  const last = page[page.length - 1];
  return { items: page, next: rows.length > limit && last ? editorFilmCursor.encode([last.title], last.id) : null };
}
