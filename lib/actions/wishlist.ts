"use server";
import { setWishlist } from "../data/wishlist";
import type { Result } from "../result";
import { runMutation } from "./run";

export async function setWishlistAction(filmId: string, on: boolean): Promise<Result<{ on: boolean }>> {
  return runMutation((actor) => setWishlist(actor, { filmId, on }), { limit: "wishlist" });
}
