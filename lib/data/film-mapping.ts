import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { FilmInput } from "../validation/film";
import type { FilmSummary } from "./films";

// The one place a film row becomes an object: the columns a film in a list needs (raw SQL
// and Prisma selects), the relations a film's facts are read with, and their mappings.

/** A date column as YYYY-MM-DD (raw queries may return it as a string). */
export function isoDay(v: Date | string): string {
  return typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

// ---------- a film in a list (card, search hit, wishlist) ----------

/** The columns of a FilmSummary in raw SQL, on the film aliased `f`. */
export const FILM_SUMMARY_COLUMNS = Prisma.raw(`f.slug, f.title, f.year, f."reviewCount", f."ratingSum", f."posterPath"`);

/** The same columns as a Prisma select. */
export const filmSummarySelect = { slug: true, title: true, year: true, reviewCount: true, ratingSum: true, posterPath: true } as const;

type SummaryRow = { slug: string; title: string; year: number | bigint; reviewCount: number | bigint; ratingSum: number | bigint; posterPath: string | null };

/** A raw row's card fields, numbers as numbers. */
export function toFilmSummary(r: SummaryRow): FilmSummary {
  return {
    slug: r.slug,
    title: r.title,
    year: Number(r.year),
    reviewCount: Number(r.reviewCount),
    ratingSum: Number(r.ratingSum),
    posterPath: r.posterPath ?? null,
  };
}

// ---------- a film's facts (editor, audit, export) ----------

/** Genres by name, credits in billing order: how every full read of a film includes them. */
export const filmFactsInclude = {
  genres: { include: { genre: true }, orderBy: { genre: { name: "asc" } } },
  credits: { include: { person: true }, orderBy: [{ role: "asc" }, { position: "asc" }] },
  publisher: true,
} satisfies Prisma.FilmInclude;

export type FilmWithFacts = Prisma.FilmGetPayload<{ include: typeof filmFactsInclude }>;

/** The facts of a film in the editor's and the import file's terms (lib/validation/film.ts). */
export function filmFacts(f: FilmWithFacts): FilmInput {
  return {
    slug: f.slug,
    title: f.title,
    year: f.year,
    releaseDate: isoDay(f.releaseDate),
    runtimeMinutes: f.runtimeMinutes,
    tagline: f.tagline,
    synopsis: f.synopsis,
    contentRating: f.contentRating as FilmInput["contentRating"],
    genres: f.genres.map((g) => g.genre.name),
    directors: f.credits.filter((c) => c.role === "DIRECTOR").map((c) => c.person.name),
    cast: f.credits.filter((c) => c.role === "CAST").map((c) => c.person.name),
    publisher: f.publisher?.name ?? "",
    published: f.published,
  };
}
