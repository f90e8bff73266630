import type { WriteScope } from "../data/cache";

/**
 * Which cached pages each review write changes (see tagsForWrite): the actions use these,
 * and tests/integration/cache-tags.test.ts checks them against the cached reads.
 */
export const WRITE_SCOPES = {
  saveReview: { film: true, reviews: true, catalog: true },
  deleteReview: { film: true, reviews: true, catalog: true },
  // Helpful counts show on review cards only.
  vote: { reviews: true },
  // A report changes public pages only when it hides the review.
  report: (d: { hidden: boolean }): WriteScope => (d.hidden ? { film: true, reviews: true, catalog: true } : {}),
  moderate: { film: true, reviews: true, catalog: true },
} satisfies Record<string, WriteScope | ((d: never) => WriteScope)>;
