import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { decodeReviewCursor, encodeReviewCursor, type CursorValue } from "../keyset/cursor";
import type { ReviewListQuery, ReviewSort } from "../validation/review-list";
import { cachedRead, tags } from "./cache";
import { getFilmBySlug, type FilmDetail } from "./films";
import { keysetAfter, keysetOrderBy, keysetPage, keysetParam, type KeysetColumn, type KeysetInput, type KeysetPage } from "./keyset";

/** A review as lists show it (components/reviews/ReviewCard.tsx renders one). */
export type ReviewItem = {
  id: string;
  rating: number;
  body: string | null;
  spoiler: boolean;
  /** null when the author chose to stay anonymous ("A Marquee user"). */
  authorName: string | null;
  createdAt: string;
  editedAt: string | null;
  helpfulYes: number;
  helpfulNo: number;
  /** The publisher's visible reply, if any ("Response from <publisher>"). */
  reply?: ReviewReplyItem | null;
};

export type ReviewReplyItem = { id: string; body: string; publisherName: string; createdAt: string; editedAt: string | null };

export type ReviewPage = KeysetPage<ReviewItem>;

const score: KeysetColumn = { sql: `r."helpfulScore"`, desc: true, cast: "float8" };
const created: KeysetColumn = { sql: `r."createdAt"`, desc: true, cast: "timestamp(3)" };
const rid: KeysetColumn = { sql: `r.id`, desc: true, cast: "text" };

/**
 * Keyset order of each sort; every one ends in (createdAt DESC, id DESC) and is served
 * by an index on (filmId, status, …) — see prisma/schema.prisma. The cursor of each
 * sort carries these values but the id (lib/keyset/cursor.ts reviewCodecs).
 */
export const SORT_COLUMNS: Record<ReviewSort, KeysetColumn[]> = {
  helpful: [score, created, rid],
  newest: [created, rid],
  highest: [{ sql: `r.rating`, desc: true, cast: "int" }, created, rid],
  lowest: [{ sql: `r.rating`, desc: false, cast: "int" }, created, rid],
};

const SELECT = Prisma.sql`
  SELECT r.id, r.rating, r.body, r.spoiler, r."createdAt", r."editedAt", r."helpfulYes", r."helpfulNo",
         r."helpfulScore", CASE WHEN r.anonymous THEN NULL ELSE u."displayName" END AS "authorName",
         rr.id AS "replyId", rr.body AS "replyBody", rr."createdAt" AS "replyCreatedAt", rr."editedAt" AS "replyEditedAt",
         (SELECT p.name FROM "Film" f JOIN "Publisher" p ON p.id = f."publisherId" WHERE f.id = r."filmId") AS "publisherName"
  FROM "Review" r JOIN "User" u ON u.id = r."userId"
  LEFT JOIN "ReviewReply" rr ON rr."reviewId" = r.id AND rr.status = 'VISIBLE'`;

type Row = {
  id: string;
  rating: number;
  body: string | null;
  spoiler: boolean;
  createdAt: Date;
  editedAt: Date | null;
  helpfulYes: number;
  helpfulNo: number;
  helpfulScore: number;
  authorName: string | null;
  replyId: string | null;
  replyBody: string | null;
  replyCreatedAt: Date | null;
  replyEditedAt: Date | null;
  publisherName: string | null;
};

function cursorOf(sort: ReviewSort, row: Row): string {
  const values: Record<ReviewSort, CursorValue[]> = {
    helpful: [row.helpfulScore, row.createdAt.toISOString()],
    newest: [row.createdAt.toISOString()],
    highest: [row.rating, row.createdAt.toISOString()],
    lowest: [row.rating, row.createdAt.toISOString()],
  };
  return encodeReviewCursor(sort, values[sort], row.id);
}

export type ListReviewsInput = {
  filmId: string;
  /** Names the cache tag; the query itself goes by filmId. */
  filmSlug: string;
  sort: ReviewSort;
  rating?: number;
} & KeysetInput;

/**
 * One page of a film's visible reviews by keyset (no OFFSET): the cost of page 1000 is
 * the cost of page 1. A bad or stale cursor starts from the first page.
 */
export async function listReviews(input: ListReviewsInput): Promise<ReviewPage> {
  const prisma = await db();
  const cols = SORT_COLUMNS[input.sort];
  const decoded = decodeReviewCursor(input.sort, input.cursor);
  const cursor = decoded ? [...decoded.values, decoded.id] : null;
  const flip = cursor !== null && input.dir === "prev";
  const base = Prisma.sql`r."filmId" = ${input.filmId} AND r.status = 'VISIBLE'${input.rating ? Prisma.sql` AND r.rating = ${input.rating}` : Prisma.empty}`;
  const take = input.limit + 1;

  let rows: Row[];
  if (!cursor) {
    rows = await prisma.$queryRaw<Row[]>(Prisma.sql`${SELECT} WHERE ${base} ${keysetOrderBy(cols, false)} LIMIT ${take}`);
  } else if (cols.every((c) => c.desc === cols[0]!.desc)) {
    rows = await prisma.$queryRaw<Row[]>(Prisma.sql`${SELECT} WHERE ${base} AND ${keysetAfter(cols, cursor, flip)} ${keysetOrderBy(cols, flip)} LIMIT ${take}`);
  } else {
    // Mixed directions (lowest rating first, newest first within a star): two index
    // ranges — the rest of the cursor's star, then the following stars — merged.
    const [head, ...tail] = cols as [KeysetColumn, ...KeysetColumn[]];
    const headAfter = head.desc !== flip ? "<" : ">";
    rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT * FROM (
        (${SELECT} WHERE ${base} AND ${Prisma.raw(head.sql)} = ${keysetParam(head, cursor[0]!)}
           AND ${keysetAfter(tail, cursor.slice(1), flip)} ${keysetOrderBy(cols, flip)} LIMIT ${take})
        UNION ALL
        (${SELECT} WHERE ${base} AND ${Prisma.raw(head.sql)} ${Prisma.raw(headAfter)} ${keysetParam(head, cursor[0]!)}
           ${keysetOrderBy(cols, flip)} LIMIT ${take})
      ) r ${keysetOrderBy(cols, flip)} LIMIT ${take}`);
  }

  return keysetPage(rows, { limit: input.limit, flip, fromCursor: cursor !== null, cursorOf: (r) => cursorOf(input.sort, r), map: toItem });
}

function toItem(r: Row): ReviewItem {
  return {
    id: r.id,
    rating: Number(r.rating),
    body: r.body,
    spoiler: r.spoiler,
    authorName: r.authorName,
    createdAt: new Date(r.createdAt).toISOString(),
    editedAt: r.editedAt ? new Date(r.editedAt).toISOString() : null,
    helpfulYes: Number(r.helpfulYes),
    helpfulNo: Number(r.helpfulNo),
    reply:
      r.replyId && r.replyBody && r.replyCreatedAt
        ? {
            id: r.replyId,
            body: r.replyBody,
            publisherName: r.publisherName ?? "the filmmakers",
            createdAt: new Date(r.replyCreatedAt).toISOString(),
            editedAt: r.replyEditedAt ? new Date(r.replyEditedAt).toISOString() : null,
          }
        : null,
  };
}

export const getReviewPage = cachedRead(listReviews, "review-page", (input) => [tags.reviews(input.filmSlug)]);

// ---------- the public API's answer ----------

export type FilmReviewsResult = { kind: "ok"; film: FilmDetail; page: ReviewPage } | { kind: "not-found" };

/**
 * A page of a film's reviews for the API, through the same cached reads as the pages.
 * The query was parsed by the API's strict schema, which refuses a cursor of another sort.
 */
export async function findFilmReviews(slug: string, q: ReviewListQuery & { limit: number }): Promise<FilmReviewsResult> {
  const film = await getFilmBySlug(slug);
  if (!film) return { kind: "not-found" };
  const page = await getReviewPage({ filmId: film.id, filmSlug: film.slug, sort: q.sort, rating: q.rating, cursor: q.cursor, dir: q.dir, limit: q.limit });
  return { kind: "ok", film, page };
}
