import { z } from "zod";

/** Most review cards one page shows at once (a review page is 10, the film page 4). */
export const VIEWER_MAX_REVIEWS = 50;

const reviewId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** GET /api/me?film=<slug>&reviews=<id>,<id>: what the member's islands on one page need. */
export const viewerQuerySchema = z.object({
  film: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .optional(),
  reviews: z
    .string()
    .max(VIEWER_MAX_REVIEWS * 65)
    .optional()
    .transform((s) => (s ? s.split(",").filter(Boolean) : []))
    .pipe(z.array(reviewId).max(VIEWER_MAX_REVIEWS)),
});
