import "server-only";
// The audit trail: every editor, moderator and role change, written in the same
// transaction as the change itself, read newest first by keyset.
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { auditCursor } from "../keyset/cursor";
import type { Tx } from "./tx";

export const AUDIT_KINDS = [
  "film.create",
  "film.update",
  "film.publish",
  "film.unpublish",
  "film.delete",
  "film.import",
  "role.change",
  "review.hide",
  "review.restore",
  "review.dismiss",
  "reply.create",
  "reply.update",
  "reply.delete",
  "reply.hide",
  "reply.restore",
  "reply.dismiss",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export type AuditInput = {
  actorId: string | null;
  kind: AuditKind;
  targetType: "film" | "user" | "review" | "reply" | "catalog";
  targetId: string;
  targetLabel: string;
  summary: string;
};

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? "—";
}

/** "title: A → B; year: 2017 → 2018" for the fields that differ (each value shortened). */
export function diffSummary(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const parts: string[] = [];
  for (const k of keys) {
    const a = show(before?.[k]);
    const b = show(after?.[k]);
    if (a !== b) parts.push(before && after ? `${k}: ${cut(a, 60)} → ${cut(b, 60)}` : `${k}: ${cut(before ? a : b, 60)}`);
  }
  return cut(parts.join("; ") || "no change", 2000);
}

export function auditId(): string {
  return `audit_${randomBytes(10).toString("hex")}`;
}

/** Records one entry; the actor's name is copied from their account. */
export async function writeAudit(tx: Tx | Awaited<ReturnType<typeof db>>, e: AuditInput): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "AuditEntry" (id, "actorId", "actorName", kind, "targetType", "targetId", "targetLabel", summary)
    VALUES (${auditId()}, ${e.actorId},
            COALESCE((SELECT "displayName" FROM "User" WHERE id = ${e.actorId}), 'System'),
            ${e.kind}, ${e.targetType}, ${e.targetId}, ${cut(e.targetLabel, 200)}, ${cut(e.summary, 2000)})`);
}

export type AuditRow = {
  id: string;
  actorId: string | null;
  actorName: string;
  kind: string;
  targetType: string;
  targetId: string;
  targetLabel: string;
  summary: string;
  createdAt: string;
};

export type AuditPage = { items: AuditRow[]; next: string | null };

/** Newest first, optionally one person's and/or one kind's, by keyset on (createdAt, id). */
export async function listAudit(input: { actorId?: string; kind?: string; cursor?: string; limit?: number }): Promise<AuditPage> {
  const prisma = await db();
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 100);
  const where: Prisma.Sql[] = [];
  if (input.actorId) where.push(Prisma.sql`"actorId" = ${input.actorId}`);
  if (input.kind) where.push(Prisma.sql`kind = ${input.kind}`);
  const c = auditCursor.decode(input.cursor);
  if (c) where.push(Prisma.sql`("createdAt", id) < (${new Date(c.values[0])}::timestamp(3), ${c.id})`);
  const filter = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<AuditRow, "createdAt"> & { createdAt: Date })[]>(Prisma.sql`
    SELECT id, "actorId", "actorName", kind, "targetType", "targetId", "targetLabel", summary, "createdAt"
    FROM "AuditEntry" ${filter} ORDER BY "createdAt" DESC, id DESC LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit).map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  const last = page[page.length - 1];
  return { items: page, next: rows.length > limit && last ? auditCursor.encode([last.createdAt], last.id) : null };
}

/** People who appear in the trail, for the filter. */
export async function listAuditActors(): Promise<{ id: string; name: string }[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
    SELECT DISTINCT ON ("actorId") "actorId" AS id, "actorName" AS name FROM "AuditEntry"
    WHERE "actorId" IS NOT NULL ORDER BY "actorId", "createdAt" DESC LIMIT 500`);
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
