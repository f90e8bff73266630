import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import sharp from "sharp";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, signUp } from "./helpers";

// The catalog editor end to end: roles granted by the admin, a film created with a
// poster and a trailer and found by a visitor, a slug change that redirects, a
// publisher's reply on the film's reviews, and members without the role refused.

const ADMIN = { email: "admin@marquee.local", password: "marquee-e2e-admin" };
const stamp = Date.now().toString(36);
const TITLE = `Lantern Keepers ${stamp}`;
const SLUG = `lantern-keepers-${stamp}`;
const NEW_SLUG = `the-lantern-keepers-${stamp}`;
const PUBLISHER = `Beacon Films ${stamp}`;

test.describe.configure({ mode: "serial" });

async function asNewMember(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const who = await signUp(page, name);
  return { context, page, ...who };
}

async function asAdmin(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("button", { name: "Marquee moderator" })).toBeVisible();
  return { context, page };
}

async function grant(page: Page, email: string, name: string, role: string, publisher?: string) {
  await page.goto(`/admin/people?q=${encodeURIComponent(email)}`);
  const form = page.getByRole("form", { name: `Role of ${name}` });
  await form.getByLabel("Role").selectOption({ label: role });
  if (publisher) await form.getByLabel("Publisher").fill(publisher);
  await form.getByRole("button", { name: "Save role" }).click();
  await expect(form.getByRole("status")).toContainText(`${name} is now`);
}

let editor: { email: string; name: string };
let filmId = "";

test("an editor creates a film with a poster and a trailer; a visitor finds it on home, in search and at its page", async ({ browser }) => {
  const ed = await asNewMember(browser, `Eda Editor ${stamp}`);
  editor = { email: ed.email, name: ed.name };
  const admin = await asAdmin(browser);
  await grant(admin.page, ed.email, ed.name, "Editor");
  await admin.context.close();

  const page = ed.page;
  await page.goto("/admin/films");
  await page.getByRole("link", { name: "New film" }).click();
  await expect(page.getByRole("heading", { name: "New film" })).toBeVisible();

  // Server-side validation: messages next to the fields, typed values kept.
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Year").fill("20x6");
  await page.getByRole("button", { name: "Create film" }).click();
  await expect(page.getByText("Year must be a whole number", { exact: false })).toBeVisible();
  await expect(page.getByText("Synopsis is required.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(TITLE);
  await expect(page.getByLabel("Year")).toHaveAccessibleDescription(/whole number/);

  await page.getByLabel("Year").fill("2026");
  await page.getByLabel("Release date").fill("2026-10-30");
  await page.getByLabel("Runtime (minutes)").fill("93");
  await page.getByLabel("Tagline").fill("Someone has to keep the lights on.");
  await page.getByLabel("Synopsis").fill("On a stormy island, the last two lighthouse keepers disagree about everything except the light.");
  await page.getByLabel("Content rating").selectOption("PG");
  // Not Drama: other specs count the Drama films of the seed.
  await page.getByLabel("Genres").fill("Adventure, Family");
  await page.getByLabel("Directors").fill("Ines Garrow");
  await page.getByLabel("Cast").fill("Tom Reyes\nAnnika Holm");
  await page.getByLabel("Publisher", { exact: true }).fill(PUBLISHER);

  // A file named like an image but holding text is refused by its content.
  await page.getByLabel("Poster").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: Buffer.from("not really a png") });
  await expect(page.getByText("The poster must be a PNG, JPEG or WebP image.")).toBeVisible();
  const png = await sharp({ create: { width: 600, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .png()
    .toBuffer();
  await page.getByLabel("Poster").setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: png });
  await expect(page.getByText("Poster uploaded.")).toBeVisible();
  await page.getByLabel("Trailer").setInputFiles(path.join(process.cwd(), "media/trailers/the-work.mp4"));
  await expect(page.getByText("Trailer uploaded.")).toBeVisible();
  await page.getByRole("button", { name: "Create film" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Film created." })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Edit ${TITLE}` })).toBeVisible();
  filmId = page.url().split("/admin/films/")[1]!.split("?")[0]!;
  // The uploaded trailer's streaming versions are started in the background and their
  // progress shows here; this machine may have no ffmpeg, and then the page says so.
  const streaming = page.getByRole("region", { name: "Streaming versions" });
  await expect(streaming.getByRole("status")).toHaveText(
    /Waiting for the transcoder|Making them: \d+%|Ready: viewers get the stream|could not be made: ffmpeg is not installed/,
  );

  // A visitor: home, search, the film's page with the poster, the trailer on the watch page.
  const visitor = await browser.newPage();
  await visitor.goto("/");
  const homeCard = visitor.getByRole("region", { name: "New releases" }).getByRole("link", { name: new RegExp(TITLE) });
  await expect(homeCard).toBeVisible();
  // Its card shows the uploaded poster, not the generated one.
  await expect(homeCard.locator("img")).toHaveAttribute("src", /^\/uploads\/posters\/[a-f0-9]+-400\.webp$/);
  await visitor.goto(`/search?q=${encodeURIComponent("lantern keepers")}`);
  await expect(visitor.getByRole("link", { name: new RegExp(TITLE) }).first()).toBeVisible();
  await expect(
    visitor
      .getByRole("link", { name: new RegExp(TITLE) })
      .first()
      .locator("img"),
  ).toHaveAttribute("src", /^\/uploads\/posters\/[a-f0-9]+-400\.webp$/);
  await visitor.goto(`/films/${SLUG}`);
  await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const poster = visitor.getByRole("img", { name: `Poster for ${TITLE}` });
  await expect(poster).toBeVisible();
  const src = await poster.getAttribute("src");
  expect(src).toMatch(/^\/uploads\/posters\/[a-f0-9]+-400\.webp$/);
  const img = await visitor.request.get(src!);
  expect(img.status()).toBe(200);
  expect(img.headers()["content-type"]).toBe("image/webp");
  expect(img.headers()["cache-control"]).toContain("max-age=31536000");
  expect((await sharp(await img.body()).metadata()).width).toBe(400);
  await visitor.goto(`/films/${SLUG}/watch`);
  const source = visitor.locator("video source").first();
  const trailer = await source.getAttribute("src");
  expect(trailer).toMatch(/^\/uploads\/trailers\/[a-f0-9]+\.mp4$/);
  const head = await visitor.request.get(trailer!, { headers: { Range: "bytes=0-99" } });
  expect(head.status()).toBe(206);
  expect(head.headers()["content-type"]).toBe("video/mp4");
  await visitor.close();
  await ed.context.close();
});

test("a slug change redirects the old address (308) to the new one", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, editor.email);
  await expect(page.getByRole("button", { name: editor.name })).toBeVisible();
  await page.goto(`/admin/films/${filmId}`);
  await page.getByLabel("Slug").fill(NEW_SLUG);
  await page.getByRole("button", { name: "Save film" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Film saved." })).toBeVisible();

  const old = await page.request.get(`/films/${SLUG}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers()["location"]).toMatch(new RegExp(`/films/${NEW_SLUG}$`));
  const reviews = await page.request.get(`/films/${SLUG}/reviews`, { maxRedirects: 0 });
  expect(reviews.status()).toBe(308);
  expect(reviews.headers()["location"]).toMatch(new RegExp(`/films/${NEW_SLUG}/reviews$`));
  await page.goto(`/films/${SLUG}`);
  await expect(page).toHaveURL(new RegExp(`/films/${NEW_SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

  // The audit trail has the editor's changes, newest first, filterable by kind.
  await page.goto("/admin/audit?kind=film.update");
  await expect(page.getByRole("row").nth(1)).toContainText(`slug: ${SLUG} → ${NEW_SLUG}`);
  await expect(page.getByRole("row").nth(1)).toContainText(editor.name);
  await context.close();
});

test("a publisher replies to a review; the reply shows on the film's reviews and the reviewer sees it", async ({ browser }) => {
  const reviewer = await asNewMember(browser, `Rita Reviewer ${stamp}`);
  await reviewer.page.goto(`/films/${NEW_SLUG}`);
  await reviewer.page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "4 stars" }).check({ force: true });
  await reviewer.page.getByLabel("Your review").fill("Moody, beautiful and a little too long.");
  await reviewer.page.getByRole("button", { name: "Post" }).click();
  await expect(reviewer.page.getByRole("region", { name: "Your review" })).toBeVisible();

  const pub = await asNewMember(browser, `Pablo Publisher ${stamp}`);
  const admin = await asAdmin(browser);
  await grant(admin.page, pub.email, pub.name, "Publisher", PUBLISHER);
  await admin.context.close();

  await pub.page.goto("/admin/replies");
  await pub.page.getByRole("link", { name: TITLE }).click();
  const form = pub.page.getByRole("form", { name: `Reply to ${reviewer.name}` });
  await form.getByLabel("Reply").fill("Thank you! The director's cut is even longer, sorry.");
  await form.getByRole("button", { name: "Post reply" }).click();
  await expect(form.getByRole("status")).toHaveText("Your reply is posted.");

  const visitor = await browser.newPage();
  await visitor.goto(`/films/${NEW_SLUG}/reviews`);
  const card = visitor.getByRole("article", { name: `Review by ${reviewer.name}` });
  const reply = card.getByRole("region", { name: `Response from ${PUBLISHER}` });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("The director's cut is even longer");
  const api = await visitor.request.get(`/api/films/${NEW_SLUG}/reviews?sort=newest`);
  const json = (await api.json()) as { data: { reply: { publisherName: string; body: string } | null }[] };
  expect(json.data[0]!.reply).toMatchObject({ publisherName: PUBLISHER, body: expect.stringContaining("director's cut") });
  await visitor.close();

  await reviewer.page.goto(`/films/${NEW_SLUG}`);
  await expect(reviewer.page.getByRole("region", { name: "Your review" }).getByText("The publisher replied")).toBeVisible();
  await reviewer.context.close();
  await pub.context.close();
});

test("a member without the role is refused every editor route and action, replayed requests too", async ({ browser }) => {
  // Record a real editor action (Unpublish) to replay it as a member.
  const ed = await browser.newContext();
  const edPage = await ed.newPage();
  await signIn(edPage, editor.email);
  await expect(edPage.getByRole("button", { name: editor.name })).toBeVisible();
  await edPage.goto(`/admin/films/${filmId}`);
  const recorded = edPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await edPage.getByRole("button", { name: "Unpublish" }).click();
  const action = await recorded;
  await expect(edPage.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  await edPage.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(edPage.getByRole("button", { name: "Unpublish" })).toBeVisible();
  await ed.close();

  const member = await asNewMember(browser, `Milo Member ${stamp}`);
  const req = member.page.request;
  for (const route of [
    "/admin/films",
    "/admin/films/new",
    `/admin/films/${filmId}`,
    "/admin/people",
    "/admin/audit",
    "/admin/import",
    "/admin/replies",
    "/admin/reports",
  ]) {
    const res = await req.get(route, { maxRedirects: 0 });
    expect(res.status(), route).toBe(404);
  }
  const upload = await req.post("/admin/uploads", {
    multipart: { kind: "posters", file: { name: "p.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) } },
  });
  expect(upload.status()).toBe(403);
  const imp = await req.post("/admin/import/run", { multipart: { file: { name: "f.jsonl", mimeType: "application/json", buffer: Buffer.from("{}\n") } } });
  expect(imp.status()).toBe(403);

  // The editor's recorded server action, replayed with the member's session.
  const headers = { ...action.headers() };
  for (const h of ["cookie", "content-length", "host", "connection"]) delete headers[h];
  const replay = await req.post(action.url(), { headers, data: action.postDataBuffer() ?? undefined });
  expect(await replay.text()).toContain("Only catalog editors can do that.");
  const still = await req.get(`/films/${NEW_SLUG}`);
  expect(still.status()).toBe(200);
  // And as a visitor (no session at all).
  const anon = await browser.newContext();
  const anonReplay = await anon.request.post(action.url(), { headers, data: action.postDataBuffer() ?? undefined });
  expect(await anonReplay.text()).toContain("Sign in to do that.");
  await anon.close();
  expect((await req.get(`/films/${NEW_SLUG}`)).status()).toBe(200);
  await member.context.close();
});

test("an editor imports a file at /admin/import: progress, then the report with rejected lines", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, editor.email);
  await expect(page.getByRole("button", { name: editor.name })).toBeVisible();
  await page.goto("/admin/import");
  const row = (slug: string, title: string, extra = "") =>
    `${slug},${title},2025,2025-05-0${title.length % 9 || 1},88,,A short synopsis.,PG,Adventure,Some Director,,${extra},true`;
  const csv = [
    "slug,title,year,releaseDate,runtimeMinutes,tagline,synopsis,contentRating,genres,directors,cast,publisher,published",
    row(`imported-one-${stamp}`, `Imported One ${stamp}`),
    `bad-${stamp},Bad Row,1492,2025-01-01,88,,x,PG,Adventure,,,,true`,
    row(`imported-two-${stamp}`, `Imported Two ${stamp}`),
  ].join("\n");
  const file = { name: "films.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };

  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByLabel("Dry run: check every row, write nothing").check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const report = page.getByRole("region", { name: /report/ });
  await expect(report.getByRole("status")).toHaveText("3 rows read: 0 created, 0 updated, 0 unchanged, 1 rejected.");
  expect((await page.request.get(`/films/imported-one-${stamp}`)).status()).toBe(404);

  await page.getByLabel("Dry run: check every row, write nothing").uncheck();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("region", { name: "Import report" }).getByRole("status")).toHaveText(
    "3 rows read: 2 created, 0 updated, 0 unchanged, 1 rejected.",
  );
  await expect(page.getByLabel("Progress")).toHaveAttribute("value", "1");
  const rejected = page.getByRole("table", { name: "Rejected rows" }).getByRole("row").nth(1);
  await expect(rejected).toContainText("3");
  await expect(rejected).toContainText(`bad-${stamp}`);
  await expect(rejected).toContainText("Year must be between 1870 and 2100.");
  expect((await page.request.get(`/films/imported-one-${stamp}`)).status()).toBe(200);

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("region", { name: "Import report" }).getByRole("status")).toHaveText(
    "3 rows read: 0 created, 0 updated, 2 unchanged, 1 rejected.",
  );
  await context.close();
});

test("the admin pages have no axe violations", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await asAdmin(browser);
  const page = admin.page;
  const check = async (label: string) => {
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(
      results.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(" | ")})`,
      ),
      label,
    ).toEqual([]);
  };
  for (const p of [
    "/admin/films",
    "/admin/films/new",
    `/admin/films/${filmId}`,
    "/admin/people",
    "/admin/audit",
    "/admin/import",
    `/admin/replies?film=${NEW_SLUG}`,
    "/admin/reports",
    `/films/${NEW_SLUG}/reviews`,
  ]) {
    await page.goto(p);
    await check(p);
  }
  // The film form showing its errors.
  await page.goto("/admin/films/new");
  await page.getByRole("button", { name: "Create film" }).click();
  await expect(page.getByText("Title is required.")).toBeVisible();
  await check("film form with errors");
  await admin.context.close();
});

test("cleanup: the films made here are unpublished, leaving the storefront as the seed made it", async ({ browser }) => {
  const admin = await asAdmin(browser);
  const page = admin.page;
  await page.goto(`/admin/films?q=${stamp}`);
  const links = await page.getByRole("link", { name: /^Edit / }).evaluateAll((els) => els.map((e) => e.getAttribute("href")!));
  expect(links.length).toBe(3);
  for (const href of links) {
    await page.goto(href);
    await page.getByRole("button", { name: "Unpublish" }).click();
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  }
  const home = await page.request.get("/");
  expect(await home.text()).not.toContain(stamp);
  await admin.context.close();
});
