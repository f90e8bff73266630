"use server";
import { getCurrentUser } from "../auth/session";
import { saveProgress } from "../data/progress";
import type { Result } from "../result";
import { reportFailure } from "../errors";

export async function saveProgressAction(filmId: string, seconds: number): Promise<Result> {
  try {
    const user = await getCurrentUser();
    return await saveProgress(user ? { id: user.id, role: user.role } : null, { filmId, seconds });
  } catch (e) {
    const f = reportFailure("action:saveProgress", e);
    return { ok: false, code: "error", message: `Could not save your place. (Reference: ${f.code})`, reference: f.code };
  }
}
