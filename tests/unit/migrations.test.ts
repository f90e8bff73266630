// The PostgreSQL adapter applies a migration by splitting it on every semicolon (comments
// and quotes included), while PGlite runs the script whole: a semicolon in a comment, or
// a literal one in a function body, passes every PGlite test and then fails on a server
// with a syntax error. Function bodies write \073 instead (see genre_film_count).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(process.cwd(), "prisma", "migrations");
const migrations = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Statements as the adapter cuts them: every semicolon ends one. */
function pieces(sql: string): string[] {
  return sql
    .split(";")
    .map((p) =>
      p
        .split("\n")
        .filter((l) => !l.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
}

describe("migrations survive the PostgreSQL adapter's split on semicolons", () => {
  it("has migrations to check", () => {
    expect(migrations.length).toBeGreaterThan(10);
  });

  for (const name of migrations) {
    it(`${name}: no semicolon in a comment or a quoted string`, () => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const commentsWithSemicolon = sql.split("\n").filter((l) => /--.*;/.test(l));
      expect(commentsWithSemicolon).toEqual([]);
      // every piece the split makes must have balanced single quotes (a split inside a
      // string leaves one open)
      const unbalanced = pieces(sql).filter((p) => (p.replace(/''/g, "").match(/'/g) ?? []).length % 2 === 1);
      expect(unbalanced).toEqual([]);
    });
  }

  it("catches the mistake it is for", () => {
    expect(/--.*;/.test("-- a lookup has those; this one only cost")).toBe(true);
    const bad = pieces(`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1; SELECT 2';`);
    expect(bad.filter((p) => (p.match(/'/g) ?? []).length % 2 === 1).length).toBeGreaterThan(0);
  });
});
