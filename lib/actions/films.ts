"use server";
import { redirect } from "next/navigation";
import { runMutation } from "./run";
import { deleteFilm, saveFilm, setPublished } from "../data/film-writes";
import { filmFormValues, type FilmFormValues } from "../validation/film";
import type { Result } from "../result";

export type FilmFormState = (Result<{ filmId: string; filmSlug: string; filmSlugs: string[] }> & { values?: FilmFormValues & { posterPath?: string; trailerPath?: string } }) | null;

/** New and Edit film forms (useActionState): on any error the typed values come back. */
export async function saveFilmAction(_prev: FilmFormState, form: FormData): Promise<FilmFormState> {
  const values = { ...filmFormValues(form), posterPath: String(form.get("posterPath") ?? "").slice(0, 300), trailerPath: String(form.get("trailerPath") ?? "").slice(0, 300) };
  const filmId = String(form.get("filmId") ?? "").slice(0, 64);
  const result = await runMutation((actor) => saveFilm(actor, { ...values, filmId }), { catalog: true, limit: "editor" });
  if (!result.ok) return { ...result, values };
  if (!filmId) redirect(`/admin/films/${result.data.filmId}?created=1`);
  return { ...result, values };
}

export async function setPublishedAction(filmId: string, published: boolean) {
  return runMutation((actor) => setPublished(actor, { filmId }, published), { catalog: true, limit: "editor" });
}

export async function deleteFilmAction(filmId: string) {
  return runMutation((actor) => deleteFilm(actor, { filmId }), { catalog: true, limit: "editor" });
}
