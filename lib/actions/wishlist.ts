"use server";
import { getCurrentUser } from "../auth/session";
import { setWishlist } from "../data/wishlist";
import type { Result } from "../result";
import { reportFailure } from "../errors";

export async function setWishlistAction(filmId: string, on: boolean): Promise<Result<{ on: boolean }>> {
  try {
    const user = await getCurrentUser();
    return await setWishlist(user ? { id: user.id, role: user.role } : null, { filmId, on });
  } catch (e) {
    const f = reportFailure("action:setWishlist", e);
    return { ok: false, code: "error", message: f.message, reference: f.code };
  }
}
