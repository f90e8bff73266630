// Test-only reads of the catalog (moved out of lib/data: no page uses them).
import { db } from "@/lib/db/client";
import { filmSummarySelect } from "@/lib/data/film-mapping";
import type { FilmSummary } from "@/lib/data/films";

/** Every published film as a card, newest release first. */
export async function loadAllFilmCards(): Promise<FilmSummary[]> {
  const prisma = await db();
  return prisma.film.findMany({ where: { published: true }, select: filmSummarySelect, orderBy: [{ releaseDate: "desc" }, { id: "asc" }] });
}
