"use server";
import { setWishlist } from "../data/wishlist";
import type { Result } from "../result";
import { runMutation } from "./run";

export async function setWishlistAction(filmId: string, on: boolean): Promise<Result<{ on: boolean }>> {
  return runMutation(
    (actor) => setWishlist(actor, { filmId, on }), // nothing cached changes: the wishlist page is per member
    { limit: "wishlist", scope: {}, route: "setWishlist" },
  );
}
