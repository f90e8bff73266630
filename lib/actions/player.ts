"use server";
import { savePlayerPrefs } from "../data/captions";
import type { Result } from "../result";
import { runMutation } from "./run";

/** The member's caption choice, kept on their account (visitors keep it in localStorage). */
export async function savePlayerPrefsAction(captionLang: string | null): Promise<Result> {
  return runMutation((actor) => savePlayerPrefs(actor, { captionLang }));
}
