// A member's own film lists: the wishlist toggle and where they stopped watching a trailer.
import { z } from "zod";

const filmId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const wishlistInputSchema = z.object({ filmId, on: z.boolean() });

export const progressInputSchema = z.object({
  filmId,
  seconds: z
    .number()
    .finite()
    .min(0)
    .max(24 * 3600),
});
