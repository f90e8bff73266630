// A realistic store at any size, built with set-based SQL only (INSERT … SELECT over
// generate_series with deterministic pseudo-random expressions): no row is built in
// Node, so 2 million reviews cost a few big statements. Used by `npm run db:generate`
// (scripts/db-generate.ts) and by the integration tests at small sizes.
//
// Shape of the data:
//  - films: popularity follows a Zipf law (film n gets about R / (H · n^1.1) reviews):
//    a few films with hundreds of thousands of reviews, most with a handful;
//  - ratings skew high as real stores do (many 4s and 5s, a bump of 1s), shifted by a
//    per-film quality;
//  - review texts from none to 500 characters, dates spread over ten years;
//  - helpful votes per review follow a Pareto tail (most none, a few thousands);
//  - reports on a few reviews; some of them flagged (3 reports) or hidden.
// Every counter (film rating counts, review vote counts, Wilson score, report counts)
// is written from the same formulas as the rows, and checked by db:check.

export type Sql = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
};

export type GenerateOptions = { films: number; reviews: number; members: number; votes: number };
export type Progress = (done: number, total: number, label: string) => void;
export type GenerateResult = { films: number; reviews: number; members: number; votes: number; reports: number; seconds: number };

export const DEFAULTS: GenerateOptions = { films: 100_000, reviews: 2_000_000, members: 1_000_000, votes: 5_000_000 };

const ZIPF = 1.1;

/** A uniform number in [0, 1) from an integer key and a salt, the same on every run and engine. */
function u(key: string, salt: number): string {
  return `((hashint8extended((${key})::bigint, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;
}
/** An integer in [0, n) from a key and a salt. */
function pick(key: string, salt: number, n: number): string {
  return `floor(${u(key, salt)} * ${n})::int`;
}
function arr(words: string[]): string {
  return `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]`;
}
function word(words: string[], key: string, salt: number): string {
  return `(${arr(words)})[1 + ${pick(key, salt, words.length)}]`;
}

const GENRES = [
  "Action",
  "Adventure",
  "Animation",
  "Biography",
  "Comedy",
  "Crime",
  "Documentary",
  "Drama",
  "Family",
  "Fantasy",
  "History",
  "Horror",
  "Music",
  "Mystery",
  "Romance",
  "Science Fiction",
  "Sport",
  "Thriller",
  "War",
  "Western",
];
const ADJ = [
  "Silent",
  "Last",
  "Hidden",
  "Broken",
  "Golden",
  "Midnight",
  "Distant",
  "Burning",
  "Lost",
  "Secret",
  "Wild",
  "Quiet",
  "Electric",
  "Frozen",
  "Crimson",
  "Endless",
  "Forgotten",
  "Little",
  "Strange",
  "Bright",
  "Hollow",
  "Restless",
  "Northern",
  "Paper",
];
const NOUN = [
  "River",
  "City",
  "Garden",
  "Machine",
  "Summer",
  "Harbor",
  "Station",
  "Mountain",
  "Letter",
  "Kingdom",
  "Island",
  "Witness",
  "Stranger",
  "Signal",
  "Horizon",
  "Orchard",
  "Lighthouse",
  "Journey",
  "Circus",
  "Frontier",
  "Empire",
  "Dream",
  "Winter",
  "Echo",
  "Heart",
  "Road",
  "Shadow",
  "Storm",
  "Bridge",
  "Mirror",
];
const SYLLABLES = [
  "ka",
  "ro",
  "mi",
  "lun",
  "dra",
  "vel",
  "tor",
  "shi",
  "an",
  "bel",
  "cor",
  "da",
  "el",
  "fen",
  "gar",
  "hal",
  "is",
  "jor",
  "kel",
  "lor",
  "mar",
  "nor",
  "ost",
  "pel",
  "quin",
  "ras",
  "sel",
  "tam",
  "ur",
  "vin",
  "wen",
  "yar",
  "zo",
  "bri",
  "cas",
  "dun",
];
const PLACE = ["Paris", "Tokyo", "Lagos", "Berlin", "the Desert", "the Sea", "Avalon", "Montana", "Bombay", "the North", "Havana", "Oslo"];
const FIRST = [
  "Ada",
  "Bruno",
  "Chiara",
  "Dmitri",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Mara",
  "Nils",
  "Olga",
  "Pablo",
  "Quinn",
  "Rosa",
  "Sami",
  "Tova",
  "Umar",
  "Vera",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Amara",
  "Bo",
  "Carmen",
  "Dario",
];
const LAST = [
  "Abbott",
  "Berg",
  "Castillo",
  "Dumas",
  "Eklund",
  "Fischer",
  "Gupta",
  "Haddad",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quintero",
  "Rossi",
  "Santos",
  "Tanaka",
  "Ueda",
  "Varga",
  "Weber",
  "Yilmaz",
  "Zhou",
];
const SENTENCES = [
  "I went in knowing nothing and came out talking about it for days.",
  "The pacing drags in the middle, but the last act makes up for it.",
  "Gorgeous to look at, thin on story.",
  "The lead performance carries the whole thing.",
  "Not for everyone, but it was exactly what I needed tonight.",
  "The score is doing a lot of heavy lifting here.",
  "A slow burn that rewards patience.",
  "I laughed more than I expected to.",
  "The dialogue felt stiff and the twist was obvious from the start.",
  "Watched it twice and noticed new details the second time.",
  "Beautiful cinematography and a story that stays with you.",
  "Too long by at least twenty minutes.",
  "My kids loved it and honestly so did I.",
  "It tries to say too many things and ends up saying very little.",
  "One of the best films I have seen this year.",
  "The ending divided our whole group.",
];
const RATINGS = ["G", "PG", "PG-13", "R", "NR"];

const FILM_ID = (n: string) => `'gf' || ${n}`;
const MEMBER_ID = (n: string) => `'gm' || ${n}`;

/** Reviews per film (film 1 the most popular), summing to exactly `reviews`, none above `members`. */
export function reviewCounts(films: number, reviews: number, members: number): number[] {
  let h = 0;
  for (let n = 1; n <= films; n++) h += 1 / n ** ZIPF;
  const counts = new Array<number>(films);
  let total = 0;
  for (let n = 1; n <= films; n++) {
    counts[n - 1] = Math.min(members, Math.floor(reviews / (h * n ** ZIPF)));
    total += counts[n - 1]!;
  }
  // the remainder, one more review each, round-robin from the most popular film down
  let left = reviews - total;
  for (let i = 0; left > 0; i = (i + 1) % films) {
    if (counts[i]! < members) {
      counts[i]! += 1;
      left -= 1;
    }
    if (i === films - 1 && counts.every((c) => c >= members)) break;
  }
  return counts;
}

/**
 * The review of film `n` number `j`: its key, author, rating, status, votes. The same
 * expressions serve the review rows and the vote rows, so the counters match.
 */
function reviewExprs(members: number, votesPerReview: number) {
  const rk = `(gc.n::bigint * 4194304 + j)`; // unique per review (j < 2^22)
  const author = `(1 + ((hashint8extended(gc.n, 7) & 2147483647) + j) % ${members})`;
  const quality = `(${u("gc.n", 11)} - 0.5) * 0.5`; // per-film shift of the rating draw
  const x = `least(0.999999, greatest(0, ${u(rk, 12)} + ${quality}))`;
  const rating = `(CASE WHEN ${x} < 0.08 THEN 1 WHEN ${x} < 0.15 THEN 2 WHEN ${x} < 0.30 THEN 3 WHEN ${x} < 0.62 THEN 4 ELSE 5 END)`;
  // Pareto tail of votes: scale a so that the mean is votesPerReview (alpha 1.5: mean 2a)
  const a = (votesPerReview + 0.5) / 2; // floor() takes about half a vote off the mean
  const nVotes = `least(${Math.max(0, members - 2)}, floor(${a} * (power(1 - ${u(rk, 13)}, -1.0 / 1.5) - 1))::int)`;
  const pYes = `(0.35 + 0.6 * ${u(rk, 14)})`;
  const voteYes = (k: string) => `(${u(`${rk} * 1048576 + ${k}`, 15)} < ${pYes})`;
  const kind = pick(rk, 16, 20000); // 0..19999: reports and moderation
  const status = `(CASE WHEN ${kind} < 4 THEN 'FLAGGED' WHEN ${kind} = 7 THEN 'HIDDEN' ELSE 'VISIBLE' END)::"ReviewStatus"`;
  const reports = `(CASE WHEN ${kind} < 4 OR ${kind} = 7 THEN 3 WHEN ${kind} < 60 THEN 1 ELSE 0 END)`;
  return { rk, author, rating, nVotes, voteYes, status, reports, kind };
}

export async function generateStore(sql: Sql, opts: GenerateOptions, progress: Progress = () => {}): Promise<GenerateResult> {
  const t0 = Date.now();
  const { films: F, reviews: R, members: M, votes: V } = opts;
  if (F < 1 || M < 2 || R < 0 || V < 0) throw new Error("db:generate needs at least 1 film and 2 members");
  const counts = reviewCounts(F, R, M);
  const votesPerReview = R > 0 ? V / R : 0;
  const e = reviewExprs(M, votesPerReview);
  const persons = Math.max(10, Math.ceil(F * 1.5));

  // Work units for progress: roughly rows written.
  const chunks = chunkFilms(counts, Math.max(1, Math.min(40, Math.ceil(R / 50_000))));
  const total = F / 10 + F * 2 + F * 3 + M + R + V + R / 20 + (R / 2 + V / 4) + F + F;
  let done = 0;
  const step = async (label: string, weight: number, fn: () => Promise<void>) => {
    progress(done, total, label);
    await fn();
    done += weight;
    progress(done, total, label);
  };

  await sql.exec(`DROP TABLE IF EXISTS "_gen_counts"`);
  await sql.exec(`CREATE UNLOGGED TABLE "_gen_counts" (n int PRIMARY KEY, c int NOT NULL)`);
  await sql.query(`INSERT INTO "_gen_counts" (n, c) SELECT i::int, c FROM unnest($1::int[]) WITH ORDINALITY AS t(c, i)`, [counts]);

  // Bulk load without the big tables' indexes and foreign keys, then build them once.
  const saved = await dropBulkIndexes(sql, ["Review", "HelpfulVote", "Report"]);

  await step("genres", F / 10, async () => {
    await sql.exec(`INSERT INTO "Genre" (id, slug, name)
      SELECT 'gg' || i, lower(replace(name, ' ', '-')), name FROM unnest(${arr(GENRES)}) WITH ORDINALITY AS t(name, i)`);
  });

  await step("films", F * 2, async () => {
    const g = "g";
    // Invented names (two or three syllables) make most titles distinct, as in a real
    // catalog, so search meets the spread of trigrams it would meet there.
    const name = (salt: number) =>
      `initcap(${word(SYLLABLES, g, salt)} || ${word(SYLLABLES, g, salt + 1)} || CASE WHEN ${pick(g, salt + 2, 2)} = 0 THEN ${word(SYLLABLES, g, salt + 3)} ELSE '' END)`;
    const title = `(CASE ${pick(g, 1, 8)}
      WHEN 0 THEN 'The ' || ${word(ADJ, g, 2)} || ' ' || ${word(NOUN, g, 3)}
      WHEN 1 THEN ${word(ADJ, g, 2)} || ' ' || ${word(NOUN, g, 3)} || ' of ' || ${name(11)}
      WHEN 2 THEN ${word(NOUN, g, 3)} || ' in ' || ${word(PLACE, g, 4)}
      WHEN 3 THEN 'The ' || ${word(NOUN, g, 3)} || ' of ' || ${name(11)}
      WHEN 4 THEN ${name(11)}
      WHEN 5 THEN ${name(11)} || ' ' || ${word(NOUN, g, 3)}
      WHEN 6 THEN 'The ' || ${name(11)} || ' ' || ${word(NOUN, g, 3)}
      ELSE ${word(ADJ, g, 2)} || ' ' || ${name(11)} END)
      || CASE WHEN ${pick(g, 5, 6)} = 0 THEN ' ' || (2 + ${pick(g, 6, 4)})::text ELSE '' END`;
    const year = `(2025 - floor(95 * power(${u(g, 7)}, 2))::int)`;
    await sql.exec(`INSERT INTO "Film" (id, slug, title, year, "releaseDate", "runtimeMinutes", tagline, synopsis, "contentRating", "createdAt", "updatedAt")
      SELECT ${FILM_ID("g")}, lower(regexp_replace(t.title, '[^A-Za-z0-9]+', '-', 'g')) || '-' || g, t.title, t.year,
        make_date(t.year, 1 + ${pick(g, 8, 12)}, 1 + ${pick(g, 9, 28)}), 75 + ${pick(g, 10, 100)},
        ${word(SENTENCES, g, 20)}, ${word(SENTENCES, g, 21)} || ' ' || ${word(SENTENCES, g, 22)} || ' ' || ${word(SENTENCES, g, 23)},
        ${word(RATINGS, g, 24)}, now(), now()
      FROM generate_series(1, ${F}) g
      CROSS JOIN LATERAL (SELECT ${title} AS title, ${year} AS year) t`);
    await sql.exec(`INSERT INTO "FilmGenre" ("filmId", "genreId")
      SELECT DISTINCT ${FILM_ID("g")}, 'gg' || (1 + (${pick("g", 30, GENRES.length)} + k * (1 + ${pick("g", 31, GENRES.length - 1)})) % ${GENRES.length})
      FROM generate_series(1, ${F}) g CROSS JOIN LATERAL generate_series(0, ${pick("g", 32, 3)}) k`);
  });

  await step("people and credits", F * 3, async () => {
    await sql.exec(`INSERT INTO "Person" (id, slug, name)
      SELECT 'gp' || p, lower(t.first || '-' || t.last) || '-' || p, t.first || ' ' || t.last
      FROM generate_series(1, ${persons}) p
      CROSS JOIN LATERAL (SELECT ${word(FIRST, "p", 40)} AS first, ${word(LAST, "p", 41)} AS last) t`);
    await sql.exec(`INSERT INTO "Credit" (id, "filmId", "personId", role, position, character)
      SELECT 'gc' || g || '_' || k, ${FILM_ID("g")}, 'gp' || (1 + ${pick(`g::bigint * 8 + k`, 42, persons)}),
        (CASE WHEN k = 0 THEN 'DIRECTOR' ELSE 'CAST' END)::"CreditRole", k,
        CASE WHEN k = 0 THEN NULL ELSE ${word(FIRST, "g::bigint * 8 + k", 43)} END
      FROM generate_series(1, ${F}) g CROSS JOIN generate_series(0, 4) k
      ON CONFLICT DO NOTHING`);
  });

  await step("members", M, async () => {
    await sql.exec(`INSERT INTO "User" (id, "displayName", role, "createdAt", "updatedAt")
      SELECT ${MEMBER_ID("m")}, ${word(FIRST, "m", 50)} || ' ' || left(${word(LAST, "m", 51)}, 1) || '. ' || m, 'MEMBER',
        now() - make_interval(days => ${pick("m", 52, 3650)}), now()
      FROM generate_series(1, ${M}) m`);
  });

  const body = (rk: string) => `(CASE WHEN ${pick(rk, 60, 5)} = 0 THEN NULL ELSE left(
      ${word(SENTENCES, rk, 61)} || ' ' || ${word(SENTENCES, rk, 62)} || ' ' || ${word(SENTENCES, rk, 63)} || ' ' ||
      ${word(SENTENCES, rk, 64)} || ' ' || ${word(SENTENCES, rk, 65)} || ' ' || ${word(SENTENCES, rk, 66)} || ' ' ||
      ${word(SENTENCES, rk, 67)} || ' ' || ${word(SENTENCES, rk, 68)} || ' ' || ${word(SENTENCES, rk, 69)},
      20 + floor(480 * power(${u(rk, 70)}, 2))::int) END)`;
  const created = `(greatest(f."releaseDate"::timestamp, now() - interval '10 years')
      + (now() - greatest(f."releaseDate"::timestamp, now() - interval '10 years')) * power(${u(e.rk, 71)}, 0.6))`;

  for (const [lo, hi, n] of chunks) {
    await step(`reviews (films ${lo.toLocaleString("en-US")}–${hi.toLocaleString("en-US")})`, n, async () => {
      await sql.exec(`INSERT INTO "Review" (id, "filmId", "userId", rating, body, anonymous, spoiler, status, "createdAt", "editedAt",
          "helpfulYes", "helpfulNo", "helpfulScore", "reportCount")
        SELECT 'gr' || gc.n || '_' || j, ${FILM_ID("gc.n")}, ${MEMBER_ID(e.author)}, ${e.rating}, ${body(e.rk)},
          ${pick(e.rk, 72, 20)} = 0, ${pick(e.rk, 73, 30)} = 0, ${e.status}, ${created},
          CASE WHEN ${pick(e.rk, 74, 10)} = 0 THEN now() ELSE NULL END,
          v.yes, v.no, marquee_wilson(v.yes, v.no), ${e.reports}
        FROM "_gen_counts" gc JOIN "Film" f ON f.id = ${FILM_ID("gc.n")}
        CROSS JOIN LATERAL generate_series(1, gc.c) j
        CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE ${e.voteYes("k")})::int AS yes,
                                   count(*) FILTER (WHERE NOT ${e.voteYes("k")})::int AS no
                            FROM generate_series(1, ${e.nVotes}) k) v
        WHERE gc.n BETWEEN ${lo} AND ${hi}`);
    });
  }

  for (const [lo, hi, n] of chunks) {
    await step(`helpful votes (films ${lo.toLocaleString("en-US")}–${hi.toLocaleString("en-US")})`, (n * V) / Math.max(1, R), async () => {
      await sql.exec(`INSERT INTO "HelpfulVote" (id, "reviewId", "userId", value, "createdAt", "updatedAt")
        SELECT 'gv' || gc.n || '_' || j || '_' || k, 'gr' || gc.n || '_' || j, ${MEMBER_ID(`(1 + ((${e.author}) - 1 + k) % ${M})`)},
          (CASE WHEN ${e.voteYes("k")} THEN 'YES' ELSE 'NO' END)::"VoteValue", now(), now()
        FROM "_gen_counts" gc CROSS JOIN LATERAL generate_series(1, gc.c) j
        CROSS JOIN LATERAL generate_series(1, ${e.nVotes}) k
        WHERE gc.n BETWEEN ${lo} AND ${hi}`);
    });
  }

  await step("reports", R / 20, async () => {
    await sql.exec(`INSERT INTO "Report" (id, "reviewId", "userId", reason, status, "createdAt", "resolvedAt")
      SELECT 'gx' || gc.n || '_' || j || '_' || k, 'gr' || gc.n || '_' || j,
        ${MEMBER_ID(`(1 + ((${e.author}) - 1 + ${M} - k) % ${M})`)},
        (${arr(["SPAM", "OFFENSIVE", "OFF_TOPIC", "SPOILER", "OTHER"])})[1 + ${pick(`${e.rk} * 4 + k`, 80, 5)}]::"ReportReason",
        (CASE WHEN ${e.kind} = 7 THEN 'RESOLVED' ELSE 'OPEN' END)::"ReportStatus", now(),
        CASE WHEN ${e.kind} = 7 THEN now() ELSE NULL END
      FROM "_gen_counts" gc CROSS JOIN LATERAL generate_series(1, gc.c) j
      CROSS JOIN LATERAL generate_series(1, ${e.reports}) k
      WHERE ${e.kind} < 60`);
  });

  await step("indexes and keys", R / 2 + V / 4, async () => {
    await restoreBulkIndexes(sql, saved);
  });

  await step("film counters", F, async () => {
    await sql.exec(`UPDATE "Film" f SET "reviewCount" = a.c, "ratingSum" = a.s, rating1 = a.r1, rating2 = a.r2, rating3 = a.r3, rating4 = a.r4, rating5 = a.r5
      FROM (SELECT r."filmId" AS id, count(*)::int c, sum(r.rating)::int s,
              count(*) FILTER (WHERE r.rating = 1)::int r1, count(*) FILTER (WHERE r.rating = 2)::int r2,
              count(*) FILTER (WHERE r.rating = 3)::int r3, count(*) FILTER (WHERE r.rating = 4)::int r4,
              count(*) FILTER (WHERE r.rating = 5)::int r5
            FROM "Review" r WHERE r.status = 'VISIBLE' GROUP BY r."filmId") a
      WHERE f.id = a.id`);
    await sql.exec(`DROP TABLE IF EXISTS "_gen_counts"`);
  });

  await step("vacuum and statistics", F, async () => {
    await sql.exec(`VACUUM ANALYZE`);
  });

  const [c] = await sql.query<{ films: number; reviews: number; members: number; votes: number; reports: number }>(
    `SELECT (SELECT count(*) FROM "Film")::int AS films, (SELECT count(*) FROM "Review")::int AS reviews,
            (SELECT count(*) FROM "User")::int AS members, (SELECT count(*) FROM "HelpfulVote")::int AS votes,
            (SELECT count(*) FROM "Report")::int AS reports`,
  );
  return {
    films: Number(c!.films),
    reviews: Number(c!.reviews),
    members: Number(c!.members),
    votes: Number(c!.votes),
    reports: Number(c!.reports),
    seconds: (Date.now() - t0) / 1000,
  };
}

/** Film ranges [lo, hi] holding about equal numbers of reviews, and that number. */
function chunkFilms(counts: number[], parts: number): [number, number, number][] {
  const total = counts.reduce((a, b) => a + b, 0);
  const target = Math.max(1, total / parts);
  const out: [number, number, number][] = [];
  let lo = 1;
  let acc = 0;
  for (let n = 1; n <= counts.length; n++) {
    acc += counts[n - 1]!;
    if (acc >= target || n === counts.length) {
      out.push([lo, n, acc]);
      lo = n + 1;
      acc = 0;
    }
  }
  return out;
}

type SavedDefs = { fks: { table: string; name: string; def: string }[]; pks: { table: string; name: string; def: string }[]; indexes: string[] };

/** Drops the indexes, primary keys and foreign keys of (empty) tables, and foreign keys into them, returning how to rebuild them. */
async function dropBulkIndexes(sql: Sql, tables: string[]): Promise<SavedDefs> {
  const list = tables.map((t) => `'"${t}"'::regclass`).join(", ");
  const cons = await sql.query<{ table: string; name: string; def: string; type: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype::text AS type
     FROM pg_constraint WHERE (conrelid IN (${list}) AND contype IN ('p', 'f'))
        -- and other tables' foreign keys into these (they depend on the primary keys)
        OR (confrelid IN (${list}) AND contype = 'f') ORDER BY conname`,
  );
  const idx = await sql.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
     WHERE i.indrelid IN (${list}) AND NOT i.indisprimary ORDER BY 1`,
  );
  const fks = cons.filter((c) => c.type === "f");
  const pks = cons.filter((c) => c.type === "p");
  for (const c of fks) await sql.exec(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const i of idx) await sql.exec(`DROP INDEX ${i.name}`);
  for (const c of pks) await sql.exec(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  return { fks, pks, indexes: idx.map((i) => i.def) };
}

async function restoreBulkIndexes(sql: Sql, s: SavedDefs): Promise<void> {
  for (const c of s.pks) await sql.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`);
  for (const d of s.indexes) await sql.exec(d);
  for (const c of s.fks) await sql.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`);
}

/** Whether the database holds members' data (accounts or reviews). */
export async function holdsMemberData(sql: Sql): Promise<boolean> {
  const [r] = await sql.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM (SELECT 1 FROM "User" LIMIT 1) a) + (SELECT count(*) FROM (SELECT 1 FROM "Review" LIMIT 1) b))::int AS n`,
  );
  return Number(r!.n) > 0;
}

/** Empties every table of the store (for --force). */
export async function emptyStore(sql: Sql): Promise<void> {
  await sql.exec(`TRUNCATE "HelpfulVote", "Report", "Review", "WishlistEntry", "WatchProgress", "Credit", "Person", "FilmGenre", "Genre", "Film",
    "Account", "Session", "VerificationToken", "User", "RateLimit" CASCADE`);
}
