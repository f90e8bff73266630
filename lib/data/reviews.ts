import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor, type CursorValue } from "../cursor";
import type { ReviewSort } from "../validation/review-list";
import { cachedRead, tags } from "./cache";

export type ReviewCard = {
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
  reply?: ReviewReplyCard | null;
};

export type ReviewReplyCard = { id: string; body: string; publisherName: string; createdAt: string; editedAt: string | null };

export type ReviewPage = {
  items: ReviewCard[];
  /** Cursor for the page after this one, or null on the last page. */
  next: string | null;
  /** Cursor for the page before this one, or null on the first page. */
  prev: string | null;
};

/** int: compared as an integer, so a row comparison on an integer column stays an index range (a float8 bound made PostgreSQL cast the column and scan every review of the film). */
type Col = { sql: string; desc: boolean; kind: "num" | "date" | "text"; int?: boolean };
const score: Col = { sql: `r."helpfulScore"`, desc: true, kind: "num" };
const created: Col = { sql: `r."createdAt"`, desc: true, kind: "date" };
const rid: Col = { sql: `r.id`, desc: true, kind: "text" };

/**
 * Keyset order of each sort; every one ends in (createdAt DESC, id DESC) and is served
 * by an index on (filmId, status, …) — see prisma/schema.prisma.
 */
export const SORT_COLUMNS: Record<ReviewSort, Col[]> = {
  helpful: [score, created, rid],
  newest: [created, rid],
  highest: [{ sql: `r.rating`, desc: true, kind: "num", int: true }, created, rid],
  lowest: [{ sql: `r.rating`, desc: false, kind: "num", int: true }, created, rid],
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

function param(col: Col, v: CursorValue): Prisma.Sql {
  if (col.kind === "date") return Prisma.sql`${new Date(String(v))}::timestamp(3)`;
  if (col.kind === "num" && col.int) {
    const n = Number(v);
    return Prisma.sql`${Number.isFinite(n) ? Math.max(-1e9, Math.min(1e9, Math.trunc(n))) : 0}::int`;
  }
  if (col.kind === "num") return Prisma.sql`${Number(v)}::float8`;
  return Prisma.sql`${String(v)}`;
}

function orderBy(cols: Col[], flip: boolean): Prisma.Sql {
  return Prisma.raw(`ORDER BY ${cols.map((c) => `${c.sql} ${c.desc !== flip ? "DESC" : "ASC"}`).join(", ")}`);
}

/** Row-value comparison for "after the cursor" in the walk direction (all columns one direction). */
function after(cols: Col[], values: CursorValue[], flip: boolean): Prisma.Sql {
  const desc = cols[0]!.desc !== flip;
  return Prisma.sql`(${Prisma.raw(cols.map((c) => c.sql).join(", "))}) ${Prisma.raw(desc ? "<" : ">")} (${Prisma.join(
    cols.map((c, i) => param(c, values[i]!)),
  )})`;
}

function cursorOf(sort: ReviewSort, row: Row): string {
  const values: Record<ReviewSort, CursorValue[]> = {
    helpful: [row.helpfulScore, row.createdAt.toISOString()],
    newest: [row.createdAt.toISOString()],
    highest: [row.rating, row.createdAt.toISOString()],
    lowest: [row.rating, row.createdAt.toISOString()],
  };
  return encodeCursor({ v: values[sort], id: row.id });
}

export type ListReviewsInput = {
  filmId: string;
  /** Names the cache tag; the query itself goes by filmId. */
  filmSlug: string;
  sort: ReviewSort;
  rating?: number;
  cursor?: string;
  dir?: "next" | "prev";
  limit: number;
};

/**
 * One page of a film's visible reviews by keyset (no OFFSET): the cost of page 1000 is
 * the cost of page 1. A bad or stale cursor starts from the first page.
 */
export async function listReviews(input: ListReviewsInput): Promise<ReviewPage> {
  const prisma = await db();
  const cols = SORT_COLUMNS[input.sort];
  const decoded = decodeCursor(input.cursor);
  const cursor = decoded && decoded.v.length === cols.length - 1 ? [...decoded.v, decoded.id] : null;
  const flip = cursor !== null && input.dir === "prev";
  const base = Prisma.sql`r."filmId" = ${input.filmId} AND r.status = 'VISIBLE'${
    input.rating ? Prisma.sql` AND r.rating = ${input.rating}` : Prisma.empty
  }`;
  const take = input.limit + 1;

  let rows: Row[];
  if (!cursor) {
    rows = await prisma.$queryRaw<Row[]>(Prisma.sql`${SELECT} WHERE ${base} ${orderBy(cols, false)} LIMIT ${take}`);
  } else if (cols.every((c) => c.desc === cols[0]!.desc)) {
    rows = await prisma.$queryRaw<Row[]>(
      Prisma.sql`${SELECT} WHERE ${base} AND ${after(cols, cursor, flip)} ${orderBy(cols, flip)} LIMIT ${take}`,
    );
  } else {
    // Mixed directions (lowest rating first, newest first within a star): two index
    // ranges — the rest of the cursor's star, then the following stars — merged.
    const [head, ...tail] = cols as [Col, ...Col[]];
    const headAfter = head.desc !== flip ? "<" : ">";
    rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT * FROM (
        (${SELECT} WHERE ${base} AND ${Prisma.raw(head.sql)} = ${param(head, cursor[0]!)}
           AND ${after(tail, cursor.slice(1), flip)} ${orderBy(cols, flip)} LIMIT ${take})
        UNION ALL
        (${SELECT} WHERE ${base} AND ${Prisma.raw(head.sql)} ${Prisma.raw(headAfter)} ${param(head, cursor[0]!)}
           ${orderBy(cols, flip)} LIMIT ${take})
      ) r ${orderBy(cols, flip)} LIMIT ${take}`);
  }

  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  if (flip) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const next = flip ? (last ? cursorOf(input.sort, last) : null) : hasMore && last ? cursorOf(input.sort, last) : null;
  const prev = flip ? (hasMore && first ? cursorOf(input.sort, first) : null) : cursor && first ? cursorOf(input.sort, first) : null;
  return { items: page.map(toCard), next, prev };
}

function toCard(r: Row): ReviewCard {
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
