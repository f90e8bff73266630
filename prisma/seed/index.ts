// Seeds the catalog: idempotent (run it twice, get the same rows) and non-destructive
// (members' own accounts and reviews are kept). Seed rows have stable ids.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { slugify } from "../../lib/slug";
import { wilsonLowerBound } from "../../lib/ratings";
import { recomputeFilmCounters } from "../../lib/data/integrity";
import { hashPassword } from "../../lib/auth/password";
import { trailerPathIfPresent } from "../../lib/media/files";
import { seedCaptionTracks } from "./captions";
import { catalog, type SeedFilm } from "./catalog";

const SEED_EMAIL_DOMAIN = "seed.marquee.invalid";
const EXTRA_VOTERS = 60;

function sid(prefix: string, key: string): string {
  return `${prefix}_${createHash("sha1").update(key).digest("hex").slice(0, 20)}`;
}

/** A deterministic shuffle, so the same review gets the same voters on every run. */
function pick<T>(pool: T[], n: number, seed: string): T[] {
  const scored = pool.map((item, i) => ({ item, k: createHash("sha1").update(`${seed}:${i}`).digest().readUInt32BE(0) }));
  scored.sort((a, b) => a.k - b.k);
  return scored.slice(0, n).map((s) => s.item);
}

export type SeedResult = { films: number; reviews: number; votes: number; users: number };

export async function seed(prisma: PrismaClient, films: SeedFilm[] = catalog): Promise<SeedResult> {
  // People who write and vote.
  const authorNames = [...new Set(films.flatMap((f) => f.reviews.map((r) => r.author)))];
  const voterNames = Array.from({ length: EXTRA_VOTERS }, (_, i) => `Marquee viewer ${i + 1}`);
  const users = [...authorNames, ...voterNames].map((name) => ({
    id: sid("seeduser", name),
    displayName: name,
    name,
    email: `${slugify(name) || "viewer"}-${sid("", name).slice(1, 7)}@${SEED_EMAIL_DOMAIN}`,
  }));
  await prisma.user.createMany({ data: users, skipDuplicates: true });
  const userIdByName = new Map(users.map((u) => [u.displayName, u.id]));
  const voterPool = users.map((u) => u.id);

  // Genres and people.
  const genreNames = [...new Set(films.flatMap((f) => f.genres))].sort();
  await prisma.genre.createMany({
    data: genreNames.map((name) => ({ id: sid("genre", name), slug: slugify(name), name })),
    skipDuplicates: true,
  });
  const people = [...new Set(films.flatMap((f) => [...f.directors, ...f.cast]))];
  await prisma.person.createMany({
    data: people.map((name) => ({ id: sid("person", name), slug: slugify(name), name })),
    skipDuplicates: true,
  });

  let reviewTotal = 0;
  let voteTotal = 0;
  const filmIds: string[] = [];
  for (const f of films) {
    const filmId = sid("film", f.slug);
    filmIds.push(filmId);
    const facts = {
      title: f.title,
      year: f.year,
      releaseDate: new Date(`${f.releaseDate}T00:00:00Z`),
      runtimeMinutes: f.runtimeMinutes,
      tagline: f.tagline,
      synopsis: f.synopsis,
      contentRating: f.contentRating,
      trailerPath: trailerPathIfPresent(f.slug),
    };
    const film = await prisma.film.upsert({
      where: { slug: f.slug },
      create: { id: filmId, slug: f.slug, ...facts },
      update: facts,
      select: { id: true },
    });
    await seedCaptionTracks(prisma, film.id, f.slug);
    await prisma.filmGenre.deleteMany({ where: { filmId: film.id } });
    await prisma.filmGenre.createMany({ data: f.genres.map((g) => ({ filmId: film.id, genreId: sid("genre", g) })) });
    await prisma.credit.deleteMany({ where: { filmId: film.id } });
    await prisma.credit.createMany({
      data: [
        ...f.directors.map((name, i) => ({ filmId: film.id, personId: sid("person", name), role: "DIRECTOR" as const, position: i })),
        ...f.cast.map((name, i) => ({ filmId: film.id, personId: sid("person", name), role: "CAST" as const, position: i })),
      ],
      skipDuplicates: true,
    });

    for (const r of f.reviews) {
      const userId = userIdByName.get(r.author)!;
      const data = {
        rating: r.rating,
        body: r.text?.trim() ? r.text.trim() : null,
        anonymous: r.anonymous ?? false,
        spoiler: r.spoiler ?? false,
        status: "VISIBLE" as const,
        createdAt: new Date(r.createdAt),
        editedAt: r.editedAt ? new Date(r.editedAt) : null,
        helpfulYes: r.yes,
        helpfulNo: r.no,
        helpfulScore: wilsonLowerBound(r.yes, r.no),
        reportCount: 0,
      };
      const review = await prisma.review.upsert({
        where: { userId_filmId: { userId, filmId: film.id } },
        create: { id: sid("review", `${f.slug}:${r.author}`), filmId: film.id, userId, ...data },
        update: data,
        select: { id: true },
      });
      reviewTotal += 1;
      const voters = pick(
        voterPool.filter((id) => id !== userId),
        r.yes + r.no,
        review.id,
      );
      await prisma.helpfulVote.deleteMany({ where: { reviewId: review.id } });
      await prisma.report.deleteMany({ where: { reviewId: review.id } });
      await prisma.helpfulVote.createMany({
        data: voters.map((voterId, i) => ({
          id: sid("vote", `${review.id}:${voterId}`),
          reviewId: review.id,
          userId: voterId,
          value: i < r.yes ? ("YES" as const) : ("NO" as const),
          createdAt: new Date(new Date(r.createdAt).getTime() + (i + 1) * 3_600_000),
        })),
      });
      voteTotal += voters.length;
    }
  }
  await recomputeFilmCounters(prisma, filmIds);
  return { films: films.length, reviews: reviewTotal, votes: voteTotal, users: users.length };
}

/** True when the catalog has never been seeded (used by `npm start`). */
export async function needsSeed(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.film.count()) === 0;
}

/**
 * Makes sure the first moderator exists: ADMIN_EMAIL (default admin@marquee.local) with
 * ADMIN_PASSWORD (default "marquee-admin" for local use only; a public production
 * server gets no password unless ADMIN_PASSWORD is set). Idempotent.
 */
export async function ensureAdmin(prisma: PrismaClient, source: NodeJS.ProcessEnv = process.env): Promise<{ email: string; created: boolean }> {
  const email = (source.ADMIN_EMAIL || "admin@marquee.local").trim().toLowerCase();
  const publicProd = source.NODE_ENV === "production" && !!source.HOST && !["localhost", "127.0.0.1", "::1"].includes(source.HOST);
  const password = source.ADMIN_PASSWORD || (publicProd ? undefined : "marquee-admin");
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, role: true, passwordHash: true } });
  if (existing) {
    const data: { role?: "ADMIN"; passwordHash?: string } = {};
    if (existing.role !== "ADMIN") data.role = "ADMIN";
    if (!existing.passwordHash && password) data.passwordHash = await hashPassword(password);
    if (Object.keys(data).length) await prisma.user.update({ where: { id: existing.id }, data });
    return { email, created: false };
  }
  await prisma.user.create({
    data: { email, name: "Marquee moderator", displayName: "Marquee moderator", role: "ADMIN", passwordHash: password ? await hashPassword(password) : null },
  });
  return { email, created: true };
}
