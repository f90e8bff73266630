// kill -9 of a writer in the middle of its transactions, on both engines: every write
// that was acknowledged is there afterwards, nothing half-done is, and db:check is clean.
// On PGlite the dead writer's lock is stale: the next opener takes it over.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { resolveDbTarget } from "@/lib/db/config";
import { findCounterDrift } from "@/lib/data/integrity";
import { createPgDatabase, finished, run, sleep, tempDir, tsx, waitFor } from "./helpers";

const ROUNDS = 2;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
});

type Line = { kind: "try" | "ack"; what: "review" | "vote"; a: string; b: string; v: string };
function parse(out: string): Line[] {
  return out
    .split("\n")
    .map((l) => /^(try|ack) (review|vote) (\S+) (\S+) (\S+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ kind: m[1] as "try" | "ack", what: m[2] as "review" | "vote", a: m[3]!, b: m[4]!, v: m[5]! }));
}

/**
 * For each key with an acknowledged write: the values it may hold now. That is the last
 * acknowledged value, or the value of a write tried after it (killed before its ack, so
 * it may or may not have committed).
 */
function allowedValues(lines: Line[], what: "review" | "vote"): Map<string, Set<string>> {
  const allowed = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.what !== what) continue;
    const k = `${l.a} ${l.b}`;
    if (l.kind === "ack") allowed.set(k, new Set([l.v]));
    else allowed.get(k)?.add(l.v);
  }
  return allowed;
}

async function killRounds(env: Record<string, string | undefined>) {
  const all: Line[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // One process (node with tsx's loader, not the tsx CLI, which would put the writer in a
    // child that SIGKILL of the CLI leaves running).
    const w = run(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/faults/writer.ts"], env);
    await waitFor("the writer to acknowledge writes", async () => parse(w.out()).filter((l) => l.kind === "ack").length >= 5, 90_000, 50).catch((e) => {
      throw new Error(`${e.message}\n${w.out().slice(-3000)}`);
    });
    await sleep(300 + Math.random() * 1200);
    w.child.kill("SIGKILL");
    const exit = await finished(w, 10_000);
    expect(exit.signal).toBe("SIGKILL");
    all.push(...parse(w.out()));
  }
  return all;
}

async function verify(env: Record<string, string | undefined>, lines: Line[]) {
  const handle = await createDb(resolveDbTarget({ ...process.env, ...env }));
  try {
    const reviews = await handle.prisma.review.findMany({ select: { userId: true, filmId: true, rating: true } });
    const byKey = new Map(reviews.map((r) => [`${r.userId} ${r.filmId}`, String(r.rating)]));
    const votes = await handle.prisma.helpfulVote.findMany({ select: { userId: true, reviewId: true, value: true } });
    const voteByKey = new Map(votes.map((v) => [`${v.userId} ${v.reviewId}`, v.value as string]));
    let acks = 0;
    for (const [k, ok] of allowedValues(lines, "review")) {
      acks++;
      expect(
        [...ok],
        `review ${k}: ${lines
          .filter((l) => `${l.a} ${l.b}` === k)
          .map((l) => `${l.kind} ${l.v}`)
          .join(", ")}`,
      ).toContain(byKey.get(k));
    }
    for (const [k, ok] of allowedValues(lines, "vote")) {
      acks++;
      expect([...ok], `vote ${k}`).toContain(voteByKey.get(k) ?? "null");
    }
    expect(acks).toBeGreaterThan(10);
    expect(await findCounterDrift(handle.prisma)).toEqual([]);
  } finally {
    await handle.close();
  }
  const check = tsx("scripts/db-check.ts", [], env);
  const exit = await finished(check, 120_000);
  expect(exit.code, check.out()).toBe(0);
}

describe("kill -9 of a writer mid-transaction", () => {
  it("PGlite: acknowledged writes survive, counters match, the stale lock is taken over", async () => {
    const dir = path.join(tempDir("kill"), "pglite");
    cleanups.push(async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
    const env = { DATABASE_URL: undefined, PGLITE_DATA_DIR: dir };
    const lines = await killRounds(env);
    expect(fs.existsSync(`${dir}.lock`)).toBe(true); // the dead writer's, now stale
    await verify(env, lines);
  });

  it("PostgreSQL: acknowledged writes survive and counters match", async () => {
    const db = await createPgDatabase("kill");
    cleanups.push(db.drop);
    const env = { DATABASE_URL: db.url };
    const lines = await killRounds(env);
    await verify(env, lines);
  });
});
