"use server";
import { redirect } from "next/navigation";
import { runMutation } from "./run";
import { deleteFilm, saveFilm, setPublished } from "../data/film-writes";
import { filmFormValues, type FilmFormValues } from "../validation/film";
import { fail, type Result } from "../result";
import { canEditCatalog } from "../auth/roles";
import { isSlug } from "../slug";
import { formText } from "../validation/text";
import { startStreamingVersions } from "../media/streaming";

export type FilmFormState =
  (Result<{ filmId: string; filmSlug: string; filmSlugs: string[] }> & { values?: FilmFormValues & { posterPath?: string; trailerPath?: string } }) | null;

/** New and Edit film forms (useActionState): on any error the typed values come back. */
export async function saveFilmAction(_prev: FilmFormState, form: FormData): Promise<FilmFormState> {
  const values = { ...filmFormValues(form), posterPath: formText(form, "posterPath", 300), trailerPath: formText(form, "trailerPath", 300) };
  const filmId = formText(form, "filmId", 64);
  const result = await runMutation((actor) => saveFilm(actor, { ...values, filmId }), { catalog: true, limit: "editor" });
  if (!result.ok) return { ...result, values };
  // An uploaded trailer gets its streaming versions in the background (never awaited here).
  void startStreamingVersions(result.data.filmSlug, values.trailerPath);
  if (!filmId) redirect(`/admin/films/${result.data.filmId}?created=1`);
  return { ...result, values };
}

export async function setPublishedAction(filmId: string, published: boolean) {
  return runMutation((actor) => setPublished(actor, { filmId }, published), { catalog: true, limit: "editor" });
}

export async function deleteFilmAction(filmId: string) {
  return runMutation((actor) => deleteFilm(actor, { filmId }), { catalog: true, limit: "editor" });
}

/**
 * After an import from /admin/import: expires the cached pages of the films it changed
 * and the lists (editors only; the slugs only choose what to expire).
 */
export async function expireImportedAction(slugs: string[]) {
  const list = Array.isArray(slugs) ? slugs.slice(0, 10_000).filter((s): s is string => typeof s === "string" && isSlug(s)) : [];
  return runMutation(
    async (actor) => {
      if (!actor) return fail("Sign in to do that.", "unauthenticated");
      if (!canEditCatalog(actor)) return fail("Only catalog editors can do that.", "forbidden");
      return { ok: true, data: { filmSlugs: list } };
    },
    { catalog: true },
  );
}
