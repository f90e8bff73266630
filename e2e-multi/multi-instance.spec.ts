// Two instances on one PostgreSQL and one Redis, behind nginx (scripts/multi-instance.mjs).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const A = process.env.MULTI_A!;
const B = process.env.MULTI_B!;
const LB = process.env.MULTI_LB!;
const FILM = "/films/casablanca";

/** The "N reviews" count as an anonymous visitor gets it (cached HTML), without a browser. */
async function visitorCount(base: string): Promise<number> {
  const html = await (await fetch(`${base}${FILM}`)).text();
  const m = /(\d+) reviews?</.exec(html);
  return m ? Number(m[1]) : -1;
}

async function signUp(page: Page, base: string, name: string) {
  await page.goto(`${base}/signup?callbackUrl=${encodeURIComponent(FILM)}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a perfectly long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name })).toBeVisible();
}

async function postReview(page: Page, base: string, stars: number, text: string) {
  await page.goto(`${base}${FILM}`);
  await page
    .getByRole("group", { name: "Rate this movie" })
    .getByRole("radio", { name: `${stars} stars` })
    .check({ force: true });
  await page.getByLabel("Your review").fill(text);
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("region", { name: "Your review" }).getByText(text)).toBeVisible();
}

test("a review written through one instance shows on the other and through nginx within a second", async ({ page }) => {
  // Warm every cache: the visitors' pages on A, B and the load balancer are cached copies.
  const before = await visitorCount(A);
  expect(before).toBeGreaterThan(0);
  for (const base of [A, B, LB]) {
    expect(await visitorCount(base)).toBe(before);
    const again = await fetch(`${base}${FILM}`);
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
  }

  await signUp(page, A, "Mara Quill");
  await postReview(page, A, 5, "Seen through instance A, counted everywhere.");
  const written = Date.now();

  // Instance B learns of the write through Redis and renders the page afresh.
  await expect.poll(() => visitorCount(B), { timeout: 1_000, intervals: [50] }).toBe(before + 1);
  await expect.poll(() => visitorCount(LB), { timeout: 1_000, intervals: [50] }).toBe(before + 1);
  console.log(`seen on B and through nginx ${Date.now() - written} ms after the write`);

  // The member's own review, through the load balancer (either instance answers).
  await page.goto(`${LB}${FILM}`);
  await expect(page.getByRole("region", { name: "Your review" }).getByText("Seen through instance A, counted everywhere.")).toBeVisible();
  await page.goto(`${B}${FILM}/reviews?sort=newest`);
  await expect(page.getByRole("article", { name: "Review by Mara Quill" })).toBeVisible();
});

test("with Redis gone, pages keep serving and writes keep working; when it is back, invalidations cross again", async ({ page, browser }) => {
  const pid = Number(process.env.MULTI_REDIS_PID);
  process.kill(pid, "SIGKILL");
  await new Promise((r) => setTimeout(r, 500));

  for (const base of [A, B, LB]) {
    for (const p of [FILM, "/", "/genres/drama", "/films/the-work/reviews"]) {
      const r = await fetch(`${base}${p}`);
      expect(r.status, `${base}${p}`).toBe(200);
    }
  }
  const before = await visitorCount(A);
  await signUp(page, A, "Ned Voss");
  await postReview(page, A, 3, "Written while Redis was away.");
  await expect.poll(() => visitorCount(A)).toBe(before + 1);

  // One warning, not a flood, in the instance's log.
  const logA = fs.readFileSync(path.join(process.env.MULTI_LOGS!, "a.log"), "utf8");
  const warnings = logA.split("\n").filter((l) => /\[cache\] Redis|\[redis\]/.test(l));
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings.length).toBeLessThanOrEqual(4);
  expect(logA).not.toMatch(/ 500 |Internal Server Error/);

  // Redis back: the instances reconnect on their own and share invalidations again.
  const args = JSON.parse(process.env.MULTI_REDIS_ARGS!) as string[];
  const redis = spawn("redis-server", args, { stdio: "ignore", detached: true });
  try {
    await expect.poll(async () => (await fetch(`${A}/help/devices`)).status, { timeout: 10_000 }).toBe(200);
    await new Promise((r) => setTimeout(r, 3_000)); // reconnect back-off
    // Another member (cookies are shared between the instances' ports, so a new context).
    const other = await (await browser.newContext()).newPage();
    await signUp(other, B, "Ona Pike");
    await postReview(other, B, 4, "Written after Redis came back.");
    // A counted its own write at once; B's now crosses to A again.
    await expect.poll(() => visitorCount(A), { timeout: 2_000, intervals: [100] }).toBe(before + 2);
  } finally {
    redis.kill("SIGKILL");
  }
});
