import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { deleteFilm, saveFilm, setPublished } from "@/lib/data/film-writes";
import { loadFilmBySlug, loadRenamedSlug } from "@/lib/data/films";
import { listFilms } from "@/lib/data/film-lists";
import { loadSitemapData } from "@/lib/data/sitemap";
import { searchFilms } from "@/lib/data/search";
import { listReviews } from "@/lib/data/reviews";
import { deleteReply, moderateReply, reportReply, saveReply } from "@/lib/data/replies";
import { setRole } from "@/lib/data/people";
import { listAudit } from "@/lib/data/audit";
import { saveReview } from "@/lib/data/review-writes";
import type { Actor } from "@/lib/auth/actor";
import { createUserWithPassword } from "@/lib/data/users";
import { foldForSearch } from "@/lib/validation/search";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
let n = 0;
async function person(role: "MEMBER" | "ADMIN" | "EDITOR" | "PUBLISHER" = "MEMBER"): Promise<NonNullable<Actor>> {
  n += 1;
  const r = await createUserWithPassword({ name: `Editor Test ${n}`, email: `ed${n}-${Date.now()}@example.test`, password: "correct horse battery" });
  if (!r.ok) throw new Error("could not create member");
  if (role !== "MEMBER") await db.prisma.user.update({ where: { id: r.user.id }, data: { role } });
  return { id: r.user.id, role };
}
const filmInput = (over: Record<string, unknown> = {}) => ({
  title: "Quiet Orchard",
  year: "2024",
  releaseDate: "2024-03-08",
  runtimeMinutes: "101",
  tagline: "Apples fall. Families don't.",
  synopsis: "Three generations try to save an orchard nobody else wants.",
  contentRating: "PG",
  genres: "Drama, Family",
  directors: "Mira Olsen\nJon Patel",
  cast: "Ada Quist\nBo Lind",
  publisher: "Orchard Films",
  published: "true",
  ...over,
});

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`catalog editor on ${ENGINE}`, () => {
  let filmId = "";

  it("refuses visitors and members without the role (and audits nothing)", async () => {
    const member = await person();
    const publisher = await person("PUBLISHER");
    expect(await saveFilm(null, filmInput())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await saveFilm(member, filmInput())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await saveFilm(publisher, filmInput())).toMatchObject({ ok: false, code: "forbidden" });
    const work = await loadFilmBySlug("the-work");
    expect(await setPublished(member, { filmId: work!.id }, false)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteFilm(member, { filmId: work!.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setRole(member, { userId: member.id, role: "ADMIN", publisher: "" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await listAudit({})).items).toEqual([]);
  });

  it("validates every field with messages per field", async () => {
    const editor = await person("EDITOR");
    const r = await saveFilm(
      editor,
      filmInput({
        title: "",
        year: "19x",
        releaseDate: "2024-02-31",
        runtimeMinutes: "0",
        contentRating: "Z",
        genres: "",
        slug: "Not A Slug",
        synopsis: "x".repeat(30_000),
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual([
        "contentRating",
        "genres",
        "releaseDate",
        "runtimeMinutes",
        "slug",
        "synopsis",
        "title",
        "year",
      ]);
    const taken = await saveFilm(editor, filmInput({ slug: "the-work" }));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringMatching(/taken by The Work/)] } });
  });

  it("creates a film with a derived slug, ordered credits, publisher; it appears in lists and search", async () => {
    const editor = await person("EDITOR");
    const r = await saveFilm(editor, filmInput());
    expect(r).toMatchObject({ ok: true, data: { filmSlug: "quiet-orchard" } });
    if (!r.ok) return;
    filmId = r.data.filmId;
    const f = await loadFilmBySlug("quiet-orchard");
    expect(f).toMatchObject({ year: 2024, runtimeMinutes: 101, directors: ["Mira Olsen", "Jon Patel"] });
    expect(f!.cast.map((c) => c.name)).toEqual(["Ada Quist", "Bo Lind"]);
    expect((await listFilms({ sort: "newest", limit: 50 })).items.map((x) => x.slug)).toContain("quiet-orchard");
    expect((await searchFilms(foldForSearch("quiet orchard"))).map((h) => h.slug)).toContain("quiet-orchard");
    const audit = await listAudit({ kind: "film.create" });
    expect(audit.items[0]).toMatchObject({ actorId: editor.id, targetId: filmId, targetLabel: "Quiet Orchard" });
    expect(audit.items[0]!.summary).toMatch(/title: Quiet Orchard/);
  });

  it("a slug change leaves a redirect from the old slug, and audits before → after", async () => {
    const editor = await person("EDITOR");
    const r = await saveFilm(editor, filmInput({ filmId, slug: "the-quiet-orchard", title: "The Quiet Orchard" }));
    expect(r).toMatchObject({ ok: true, data: { filmSlugs: ["the-quiet-orchard", "quiet-orchard"] } });
    expect(await loadFilmBySlug("quiet-orchard")).toBeNull();
    expect(await loadRenamedSlug("quiet-orchard")).toBe("the-quiet-orchard");
    const entry = (await listAudit({ kind: "film.update" })).items[0]!;
    expect(entry.summary).toContain("slug: quiet-orchard → the-quiet-orchard");
    expect(entry.summary).toContain("title: Quiet Orchard → The Quiet Orchard");
    // Another film cannot take the old slug while it still leads here.
    const other = await saveFilm(editor, filmInput({ title: "Another", slug: "quiet-orchard" }));
    expect(other).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringMatching(/still leads/)] } });
  });

  it("unpublish hides the film from lists, search and sitemap and keeps its reviews; delete only without reviews", async () => {
    const editor = await person("EDITOR");
    const reviewer = await person();
    const rev = await saveReview(reviewer, { filmId, rating: 4, body: "Lovely." });
    expect(rev.ok).toBe(true);
    expect(await setPublished(editor, { filmId }, false)).toMatchObject({ ok: true });
    expect((await listFilms({ sort: "newest", limit: 100 })).items.map((x) => x.slug)).not.toContain("the-quiet-orchard");
    expect((await searchFilms(foldForSearch("quiet orchard"))).map((h) => h.slug)).not.toContain("the-quiet-orchard");
    expect((await loadSitemapData()).films.map((x) => x.slug)).not.toContain("the-quiet-orchard");
    expect(await loadFilmBySlug("the-quiet-orchard")).toBeNull();
    expect(await db.prisma.review.count({ where: { filmId } })).toBe(1);
    expect(await deleteFilm(editor, { filmId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await setPublished(editor, { filmId }, true)).toMatchObject({ ok: true });
    expect(await loadFilmBySlug("the-quiet-orchard")).not.toBeNull();
    const kinds = (await listAudit({ actorId: editor.id })).items.map((e) => e.kind);
    expect(kinds).toEqual(["film.publish", "film.unpublish"]);

    const lonely = await saveFilm(editor, filmInput({ title: "Lonely Film", publisher: "" }));
    expect(lonely.ok).toBe(true);
    if (lonely.ok) expect(await deleteFilm(editor, { filmId: lonely.data.filmId })).toMatchObject({ ok: true });
    expect(await loadFilmBySlug("lonely-film")).toBeNull();
  });

  it("roles: only an admin grants them; publishers are linked to a publisher; audited", async () => {
    const admin = await person("ADMIN");
    const target = await person();
    expect(await setRole(admin, { userId: target.id, role: "PUBLISHER", publisher: "" })).toMatchObject({
      ok: false,
      fieldErrors: { publisher: [expect.any(String)] },
    });
    expect(await setRole(admin, { userId: target.id, role: "PUBLISHER", publisher: "Orchard Films" })).toMatchObject({ ok: true });
    const u = await db.prisma.user.findUnique({ where: { id: target.id }, include: { publisher: true } });
    expect(u).toMatchObject({ role: "PUBLISHER", publisher: { name: "Orchard Films" } });
    expect(await setRole(admin, { userId: admin.id, role: "MEMBER", publisher: "" })).toMatchObject({ ok: false, code: "forbidden" });
    const e = (await listAudit({ kind: "role.change" })).items[0]!;
    expect(e).toMatchObject({ actorId: admin.id, targetId: target.id });
    expect(e.summary).toBe("role: MEMBER → PUBLISHER (Orchard Films)");
  });

  it("replies: the film's publisher (or an editor) answers once; edit, delete; others refused; shown in the review list", async () => {
    const admin = await person("ADMIN");
    const pub = await person();
    await setRole(admin, { userId: pub.id, role: "PUBLISHER", publisher: "Orchard Films" });
    const otherPub = await person();
    await setRole(admin, { userId: otherPub.id, role: "PUBLISHER", publisher: "Someone Else" });
    const member = await person();
    const review = await db.prisma.review.findFirstOrThrow({ where: { filmId } });
    const actorPub = { id: pub.id, role: "PUBLISHER" as const };

    expect(await saveReply(member, { reviewId: review.id, body: "Hi" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await saveReply({ id: otherPub.id, role: "PUBLISHER" }, { reviewId: review.id, body: "Hi" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await saveReply(actorPub, { reviewId: review.id, body: "x".repeat(1001) })).toMatchObject({
      ok: false,
      fieldErrors: { body: [expect.stringMatching(/1000/)] },
    });
    expect(await saveReply(actorPub, { reviewId: review.id, body: "Thank you for watching!" })).toMatchObject({
      ok: true,
      data: { filmSlug: "the-quiet-orchard" },
    });
    expect(await saveReply(actorPub, { reviewId: review.id, body: "Thank you so much for watching!" })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/updated/),
    });
    expect(await db.prisma.reviewReply.count({ where: { reviewId: review.id } })).toBe(1);

    const page = await listReviews({ filmId, filmSlug: "the-quiet-orchard", sort: "newest", limit: 10 });
    expect(page.items[0]!.reply).toMatchObject({ body: "Thank you so much for watching!", publisherName: "Orchard Films", editedAt: expect.any(String) });

    // Reported by enough members: hidden until a moderator decides.
    const replyId = page.items[0]!.reply!.id;
    for (let i = 0; i < 2; i++) expect(await reportReply(await person(), { replyId, reason: "SPAM", note: "" }, 2)).toMatchObject({ ok: true });
    expect((await listReviews({ filmId, filmSlug: "x", sort: "newest", limit: 10 })).items[0]!.reply).toBeNull();
    expect(await moderateReply(member, { replyId, decision: "restore" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await moderateReply(admin, { replyId, decision: "restore" })).toMatchObject({ ok: true });
    expect((await listReviews({ filmId, filmSlug: "x", sort: "newest", limit: 10 })).items[0]!.reply).not.toBeNull();

    const editor = await person("EDITOR");
    expect(await deleteReply(member, { reviewId: review.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteReply(editor, { reviewId: review.id })).toMatchObject({ ok: true });
    const kinds = (await listAudit({})).items.map((e) => e.kind);
    expect(kinds.slice(0, 4)).toEqual(["reply.delete", "reply.restore", "reply.update", "reply.create"]);
  });

  it("pages the audit trail by keyset, newest first", async () => {
    const first = await listAudit({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await listAudit({ limit: 3, cursor: first.next! });
    expect(second.items[0]!.createdAt <= first.items[2]!.createdAt).toBe(true);
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(6);
  });
});
