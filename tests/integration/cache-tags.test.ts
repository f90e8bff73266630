// A write expires exactly the cached pages that show what it changed: the tags of each
// review write (lib/actions/scopes.ts) against the tags the cached reads carry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { loadFilmBySlug } from "@/lib/data/films";
import { cachedReads, tags } from "@/lib/data/cache";
import { runAs } from "@/lib/actions/run";
import { WRITE_SCOPES } from "@/lib/actions/scopes";
import { deleteReview, moderateReview, reportReview, saveReview, voteOnReview } from "@/lib/data/review-writes";
import type { Actor } from "@/lib/auth/actor";
import { createUserWithPassword } from "@/lib/data/users";
import "@/lib/data/film-lists";
import "@/lib/data/genres";
import "@/lib/data/sitemap";
import "@/lib/data/reviews";
import "@/lib/data/search";
import { ENGINE, openTestDb, type TestDb } from "../helpers/db";

let db: TestDb;
let n = 0;
async function member(role: "MEMBER" | "ADMIN" = "MEMBER"): Promise<NonNullable<Actor>> {
  n += 1;
  const r = await createUserWithPassword({ name: `Cache ${n}`, email: `cache${n}-${Date.now()}@example.test`, password: "correct horse battery" }, role);
  if (!r.ok) throw new Error("could not create member");
  return { id: r.user.id, role: r.user.role };
}

/** Runs a write the way its action does and returns the tags it expired. */
async function expired<T extends { filmSlug?: string } | undefined>(
  actor: Actor,
  fn: (a: Actor) => ReturnType<typeof saveReview> | Promise<import("@/lib/result").Result<T>>,
  scope: unknown,
): Promise<string[]> {
  const seen: string[] = [];
  const r = await runAs(actor, fn as never, scope as never, async (t) => void seen.push(...t));
  expect(r.ok).toBe(true);
  return seen.sort();
}

const slug = "paddington-2";
const readTags = (key: string, ...args: unknown[]) => (cachedReads.get(key) as (...a: unknown[]) => string[])(...args);

beforeAll(async () => {
  db = await openTestDb();
  await seed(db.prisma);
});
afterAll(async () => db?.dispose());

describe(`cache tags of writes on ${ENGINE}`, () => {
  it("the cached reads carry the tags the writes name", () => {
    expect(readTags("film-by-slug", slug)).toEqual([tags.film(slug)]);
    expect(readTags("review-page", { filmSlug: slug })).toEqual([tags.reviews(slug)]);
    for (const key of ["film-page", "new-releases", "top-rated", "genre-rows", "genres", "similar-films"]) expect(readTags(key)).toEqual([tags.catalog]);
  });

  it("saving, voting, reporting, moderating and deleting expire exactly what they change", async () => {
    const film = (await loadFilmBySlug(slug))!;
    const author = await member();
    const voter = await member();

    // A review changes the film's counts, its review lists and every list with its average.
    const save = await expired(author, (a) => saveReview(a, { filmId: film.id, rating: 4, body: "Tagged." }), WRITE_SCOPES.saveReview);
    expect(save).toEqual([tags.catalog, tags.film(slug), tags.reviews(slug)].sort());
    const reviewId = (await db.prisma.review.findFirstOrThrow({ where: { userId: author.id } })).id;

    // A vote changes helpful counts on review cards only: not the film's data, not the lists.
    const vote = await expired(voter, (a) => voteOnReview(a, { reviewId, value: "YES" }), WRITE_SCOPES.vote);
    expect(vote).toEqual([tags.reviews(slug)]);

    // A report that does not hide the review changes nothing anyone sees.
    const report = await expired(voter, (a) => reportReview(a, { reviewId, reason: "SPAM", note: "" }, 99), WRITE_SCOPES.report);
    expect(report).toEqual([]);

    // Hiding it changes everything that counted it.
    const admin = await member("ADMIN");
    const hide = await expired(admin, (a) => moderateReview(a, { reviewId, decision: "hide" }), WRITE_SCOPES.moderate);
    expect(hide).toEqual([tags.catalog, tags.film(slug), tags.reviews(slug)].sort());
    await expired(admin, (a) => moderateReview(a, { reviewId, decision: "restore" }), WRITE_SCOPES.moderate);

    const del = await expired(author, (a) => deleteReview(a, { reviewId }), WRITE_SCOPES.deleteReview);
    expect(del).toEqual([tags.catalog, tags.film(slug), tags.reviews(slug)].sort());
  });

  it("a refused write expires nothing", async () => {
    const film = (await loadFilmBySlug(slug))!;
    const seen: string[] = [];
    const r = await runAs(
      null,
      (a) => saveReview(a, { filmId: film.id, rating: 4 }),
      WRITE_SCOPES.saveReview,
      async (t) => void seen.push(...t),
    );
    expect(r.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});
