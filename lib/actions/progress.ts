"use server";
import { saveProgress } from "../data/progress";
import type { Result } from "../result";
import { runMutation } from "./run";

export async function saveProgressAction(filmId: string, seconds: number): Promise<Result> {
  const result = await runMutation((actor) => saveProgress(actor, { filmId, seconds }), { limit: "progress", scope: {}, route: "saveProgress" });
  return result.ok || result.code !== "error" ? result : { ...result, message: "Could not save your place." };
}
