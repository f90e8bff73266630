import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { hiddenQueueCursor, pendingQueueCursor } from "../keyset/cursor";

export type QueueItem = {
  reviewId: string;
  status: "VISIBLE" | "FLAGGED" | "HIDDEN";
  rating: number;
  body: string | null;
  authorName: string;
  createdAt: string;
  film: { slug: string; title: string };
  openReports: number;
  reasons: { reason: string; count: number }[];
  notes: string[];
};

export type QueueList = "pending" | "hidden";
export type QueuePage = { items: QueueItem[]; next: string | null };
export const QUEUE_PAGE_SIZE = 50;

const OPEN = Prisma.sql`EXISTS (SELECT 1 FROM "Report" p WHERE p."reviewId" = r.id AND p.status = 'OPEN')`;

/** A queue cursor (lib/keyset/cursor.ts): [[flagged, reportCount], id] for "pending", [[], id] for "hidden"; anything else is null. */
function readCursor(list: QueueList, s: string | undefined): { v: number[]; id: string } | null {
  if (list === "hidden") {
    const c = hiddenQueueCursor.decode(s);
    return c && { v: [], id: c.id };
  }
  const c = pendingQueueCursor.decode(s);
  return c && { v: [c.values[0], c.values[1]], id: c.id };
}

/**
 * One page of the moderation queue, by keyset so no review is ever out of reach.
 * "pending": auto-hidden reviews first, then the most reported, for anything with open
 * reports or waiting after an automatic hide. "hidden": reviews a moderator hid, newest first.
 */
export async function loadModerationPage(list: QueueList, cursor?: string, limit = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  const prisma = await db();
  const after = readCursor(list, cursor);
  const take = limit + 1;
  const rows =
    list === "pending"
      ? await prisma.$queryRaw<{ id: string; f: number; c: number }[]>(Prisma.sql`
          SELECT r.id, (CASE WHEN r.status = 'FLAGGED' THEN 1 ELSE 0 END)::int AS f, r."reportCount"::int AS c
          FROM "Review" r
          WHERE (r.status = 'FLAGGED' OR ${OPEN})
            ${after ? Prisma.sql`AND ((CASE WHEN r.status = 'FLAGGED' THEN 1 ELSE 0 END), r."reportCount", r.id) < (${after.v[0]}::int, ${after.v[1]}::int, ${after.id})` : Prisma.empty}
          ORDER BY f DESC, c DESC, r.id DESC
          LIMIT ${take}`)
      : await prisma.$queryRaw<{ id: string; f: number; c: number }[]>(Prisma.sql`
          SELECT r.id, 0 AS f, 0 AS c FROM "Review" r
          WHERE r.status = 'HIDDEN' AND NOT ${OPEN}
            ${after ? Prisma.sql`AND r.id < ${after.id}` : Prisma.empty}
          ORDER BY r.id DESC
          LIMIT ${take}`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? list === "pending"
        ? pendingQueueCursor.encode([Number(last.f), Number(last.c)], last.id)
        : hiddenQueueCursor.encode([], last.id)
      : null;
  const details = await prisma.review.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    include: {
      film: { select: { slug: true, title: true } },
      user: { select: { displayName: true } },
      reports: { where: { status: "OPEN" }, select: { reason: true, note: true }, take: 200 },
    },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const items = page.flatMap(({ id }): QueueItem[] => {
    const r = byId.get(id);
    if (!r) return [];
    const counts = new Map<string, number>();
    for (const p of r.reports) counts.set(p.reason, (counts.get(p.reason) ?? 0) + 1);
    return [
      {
        reviewId: r.id,
        status: r.status,
        rating: r.rating,
        body: r.body,
        authorName: r.user.displayName,
        createdAt: r.createdAt.toISOString(),
        film: r.film,
        openReports: r.reports.length,
        reasons: [...counts].map(([reason, count]) => ({ reason, count })),
        notes: r.reports.map((p) => p.note).filter((n): n is string => !!n),
      },
    ];
  });
  return { items, next };
}
