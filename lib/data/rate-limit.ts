import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";

export type LimitState = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one attempt against `key` in a fixed window and says whether it is allowed.
 * One atomic statement, so concurrent attempts (and several instances) count exactly.
 */
export async function hitLimit(key: string, limit: number, windowSeconds: number): Promise<LimitState> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ count: number; retry: number }[]>(Prisma.sql`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimit".count + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING count, GREATEST(0, EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now())))::float8 AS retry`);
  const row = rows[0]!;
  const count = Number(row.count);
  return { allowed: count <= limit, count, retryAfterSeconds: Math.ceil(Number(row.retry)) };
}

export async function clearLimit(key: string): Promise<void> {
  const prisma = await db();
  await prisma.rateLimit.deleteMany({ where: { key } });
}
