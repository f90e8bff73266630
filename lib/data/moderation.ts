import "server-only";
import { db } from "../db/client";

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

/** Reviews that need a moderator: open reports or auto-hidden; then recently hidden ones. */
export async function getModerationQueue(limit = 100): Promise<{ pending: QueueItem[]; hidden: QueueItem[] }> {
  const prisma = await db();
  const rows = await prisma.review.findMany({
    where: { OR: [{ status: { in: ["FLAGGED", "HIDDEN"] } }, { reports: { some: { status: "OPEN" } } }] },
    include: {
      film: { select: { slug: true, title: true } },
      user: { select: { displayName: true } },
      reports: { select: { reason: true, status: true, note: true } },
    },
    orderBy: [{ reportCount: "desc" }, { createdAt: "desc" }],
    take: limit,
  });
  const items = rows.map((r): QueueItem => {
    const open = r.reports.filter((p) => p.status === "OPEN");
    const counts = new Map<string, number>();
    for (const p of open) counts.set(p.reason, (counts.get(p.reason) ?? 0) + 1);
    return {
      reviewId: r.id,
      status: r.status,
      rating: r.rating,
      body: r.body,
      authorName: r.user.displayName,
      createdAt: r.createdAt.toISOString(),
      film: r.film,
      openReports: open.length,
      reasons: [...counts].map(([reason, count]) => ({ reason, count })),
      notes: open.map((p) => p.note).filter((n): n is string => !!n),
    };
  });
  return {
    pending: items.filter((i) => i.openReports > 0 || i.status === "FLAGGED").sort((a, b) => Number(b.status === "FLAGGED") - Number(a.status === "FLAGGED")),
    hidden: items.filter((i) => i.status === "HIDDEN" && i.openReports === 0),
  };
}
