// A writer for the kill -9 tests (run with tsx --conditions=react-server): on the database
// the environment names, it writes reviews and helpful votes through lib/data, one
// transaction at a time, forever. Before each write it prints "try …", after the commit
// "ack …", so the test knows what was acknowledged and what may be in flight.
import fs from "node:fs";
import { getDb } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/migrate";
import { saveReview, voteOnReview } from "@/lib/data/review-writes";

/** Written before returning (console.log to a pipe is asynchronous and dies with the process). */
function say(line: string): void {
  const buf = Buffer.from(line + "\n");
  for (let off = 0; off < buf.length;) {
    try {
      off += fs.writeSync(1, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

const FILMS = 3;
const USERS = 12;

async function main() {
  const h = await getDb();
  await migrateDeploy(h.target, h.opened);
  const films: string[] = [];
  for (let i = 0; i < FILMS; i++) {
    const f = await h.prisma.film.upsert({
      where: { slug: `fault-film-${i}` },
      create: {
        slug: `fault-film-${i}`,
        title: `Fault film ${i}`,
        year: 2020,
        releaseDate: new Date("2020-01-01"),
        runtimeMinutes: 90,
        synopsis: "A film for fault tests.",
        contentRating: "PG",
      },
      update: {},
      select: { id: true },
    });
    films.push(f.id);
  }
  const users: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = await h.prisma.user.upsert({
      where: { email: `fault-${i}@example.test` },
      create: { email: `fault-${i}@example.test`, displayName: `Fault ${i}` },
      update: {},
      select: { id: true },
    });
    users.push(u.id);
  }
  const reviews = (await h.prisma.review.findMany({ where: { filmId: { in: films } }, select: { id: true, userId: true } })).map((r) => r);
  say("ready");
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  for (let n = 0; ; n++) {
    if (reviews.length < 3 || Math.random() < 0.5) {
      const user = pick(users);
      const film = pick(films);
      const rating = 1 + Math.floor(Math.random() * 5);
      say(`try review ${user} ${film} ${rating}`);
      const r = await saveReview({ id: user, role: "MEMBER" }, { filmId: film, rating, body: `Write ${n}`, anonymous: false, spoiler: false });
      if (!r.ok) throw new Error(`saveReview: ${r.message}`);
      if (r.data.created) reviews.push({ id: r.data.reviewId, userId: user });
      say(`ack review ${user} ${film} ${rating}`);
    } else {
      const review = pick(reviews);
      const voter = pick(users.filter((u) => u !== review.userId));
      const value = pick(["YES", "NO", null] as const);
      say(`try vote ${voter} ${review.id} ${value}`);
      const r = await voteOnReview({ id: voter, role: "MEMBER" }, { reviewId: review.id, value });
      if (!r.ok) throw new Error(`voteOnReview: ${r.message}`);
      say(`ack vote ${voter} ${review.id} ${value}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
