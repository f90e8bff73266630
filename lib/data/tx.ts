import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { Prisma, type PrismaClient } from "../generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/**
 * Runs a write in one transaction. On PGlite every transaction holds the single
 * connection (other requests' queries wait for it), so waits can be long under load:
 * the limits are generous. Deadlocks, serialization failures and unique-key races are
 * retried a few times.
 */
export async function writeTx<T>(fn: (tx: Tx) => Promise<T>, client?: PrismaClient): Promise<T> {
  const prisma = client ?? (await db());
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, { maxWait: 30_000, timeout: 30_000 });
    } catch (e) {
      if (attempt < 4 && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
        continue;
      }
      throw e;
    }
  }
}

/**
 * Runs a single-statement write (its own transaction, one round trip), again on a
 * deadlock or serialization failure.
 */
export async function retryWrite<T>(fn: (prisma: PrismaClient) => Promise<T>, client?: PrismaClient): Promise<T> {
  const prisma = client ?? (await db());
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(prisma);
    } catch (e) {
      if (attempt < 4 && isRetryable(e)) {
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
        continue;
      }
      throw e;
    }
  }
}

/** A new row id for rows written in SQL (Prisma's cuid() default only applies to its own creates): time then randomness, 25 characters. */
export function newId(): string {
  return "c" + Date.now().toString(36).padStart(9, "0") + randomBytes(8).toString("hex").slice(0, 15);
}

export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

function isRetryable(e: unknown): boolean {
  if (isUniqueViolation(e)) return true;
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2034") return true; // write conflict / deadlock
  const text = e instanceof Error ? e.message : String(e);
  return /deadlock detected|could not serialize access|40P01|40001/.test(text);
}
