import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const searchBox = (page: Page) => page.getByRole("banner").getByRole("combobox", { name: "Search films" });
const suggestions = (page: Page) => page.getByRole("listbox", { name: "Suggested films" });

// The server opens its embedded database on the first query (seconds on a busy machine):
// open it before the timed steps.
test.beforeAll(async ({ request }) => {
  expect((await request.get("/api/search/suggest?q=warm", { timeout: 60_000 })).ok()).toBe(true);
});

test.describe("Search box in the header", () => {
  test("suggests The Work for “teh wrok”; ArrowDown and Enter open it", async ({ page }) => {
    await page.goto("/");
    const box = searchBox(page);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).toHaveAttribute("aria-autocomplete", "list");
    await expect(box).not.toHaveAttribute("aria-activedescendant");

    await box.pressSequentially("teh wrok");
    const list = suggestions(page);
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
    const first = list.getByRole("option").first();
    await expect(first).toHaveAccessibleName("The Work, 2017");
    await expect(first).toHaveAttribute("aria-selected", "false");

    await page.keyboard.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await expect(box).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/films\/the-work$/);
    await expect(page.getByRole("heading", { level: 1, name: "The Work" })).toBeVisible();
    await expect(searchBox(page)).toHaveValue("");
  });

  test("arrow keys move through the list and wrap; Escape closes it, then clears", async ({ page }) => {
    await page.goto("/help/devices");
    const box = searchBox(page);
    await box.pressSequentially("nolan");
    const options = suggestions(page).getByRole("option");
    // three films and "All results for …"
    await expect(options).toHaveCount(4);
    await expect(options.last()).toHaveAccessibleName("All results for “nolan”");

    await page.keyboard.press("ArrowUp");
    await expect(options.last()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await expect(options.first()).toHaveAccessibleName("Inception, 2010");
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(options.first()).toHaveAttribute("aria-selected", "false");
    await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(1);

    await page.keyboard.press("Escape");
    await expect(suggestions(page)).toBeHidden();
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).not.toHaveAttribute("aria-activedescendant");
    await expect(box).toHaveValue("nolan");
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue("");
  });

  test("a click on a suggestion opens the film", async ({ page }) => {
    await page.goto("/");
    await searchBox(page).pressSequentially("spirted away");
    await suggestions(page).getByRole("option", { name: "Spirited Away, 2001" }).click();
    await expect(page).toHaveURL(/\/films\/spirited-away$/);
  });

  test("Enter with nothing highlighted searches: “nolan” lists his films", async ({ page }) => {
    await page.goto("/films/the-work");
    const box = searchBox(page);
    await box.fill("nolan");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=nolan$/);
    await expect(page).toHaveTitle("“nolan” — search · Marquee");
    await expect(page.getByRole("heading", { level: 1, name: "Results for “nolan”" })).toBeVisible();
    await expect(page.getByText("3 films, closest match first")).toBeVisible();

    const results = page.getByRole("list", { name: "Results for “nolan”" });
    const links = results.getByRole("link");
    await expect(links).toHaveCount(3);
    for (const [i, title] of ["Inception", "Interstellar", "Oppenheimer"].entries()) {
      await expect(links.nth(i)).toHaveAccessibleName(new RegExp(`\\b${title}\\b`));
      await expect(results.getByRole("listitem").nth(i).getByText("Directed by Christopher Nolan")).toBeVisible();
    }
    // the header keeps the query, ready to refine
    await expect(searchBox(page)).toHaveValue("nolan");

    await results.getByRole("link", { name: "Interstellar" }).click();
    await expect(page).toHaveURL(/\/films\/interstellar$/);
    await expect(searchBox(page)).toHaveValue("");
  });

  test("works without JavaScript: the box is a plain search form", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("search")).toHaveAttribute("action", "/search");
    await searchBox(page).fill("godfathr");
    await searchBox(page).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=godfathr$/);
    await expect(page.getByRole("list", { name: "Results for “godfathr”" }).getByRole("link").first()).toHaveAccessibleName(/The Godfather/);
    await context.close();
  });

  test("fits a 390 px phone, suggestions included", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/");
    const box = searchBox(page);
    const b = (await box.boundingBox())!;
    expect(b.x).toBeGreaterThan(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    expect(b.width).toBeGreaterThanOrEqual(120);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await box.pressSequentially("the w");
    const l = (await suggestions(page).boundingBox())!;
    expect(l.x).toBeGreaterThanOrEqual(0);
    expect(l.x + l.width).toBeLessThanOrEqual(390);
    await context.close();
  });

  test("has no accessibility violations with the list open", async ({ page }) => {
    await page.goto("/");
    await searchBox(page).pressSequentially("the w");
    await expect(suggestions(page)).toBeVisible();
    await page.keyboard.press("ArrowDown");
    const result = await new AxeBuilder({ page }).include("header").analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

test.describe("Search page", () => {
  test("without a query, explains what to look for", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { level: 1, name: "Search films" })).toBeVisible();
    await expect(page.getByText("a typo or a missing accent still finds the film")).toBeVisible();
    await page.getByRole("link", { name: "Hayao Miyazaki" }).click();
    await expect(page).toHaveURL(/\/search\?q=Hayao%20Miyazaki$/);
    const links = page.getByRole("list", { name: "Results for “Hayao Miyazaki”" }).getByRole("link");
    await expect(links).toHaveCount(2);
    await expect(links.first()).toHaveAccessibleName(/Spirited Away/);
  });

  test("with no match, says so and offers genres and the catalog", async ({ page }) => {
    await page.goto("/search?q=zzqxv");
    await expect(page.getByRole("heading", { level: 1, name: "No films match “zzqxv”" })).toBeVisible();
    await expect(page.getByText("Check the spelling, use fewer words")).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all films" })).toHaveAttribute("href", "/");
    await page.getByRole("link", { name: /^Documentary\s+5\s+films$/ }).click();
    await expect(page).toHaveURL(/\/search\?q=Documentary$/);
    const links = page.getByRole("list", { name: "Results for “Documentary”" }).getByRole("link");
    await expect(links).toHaveCount(5);
    await expect(links.first()).toHaveAccessibleName(/The Work/);
  });

  test("a one-letter query asks for a little more", async ({ page }) => {
    await page.goto("/search?q=%3F");
    await expect(page.getByRole("heading", { level: 1, name: "No films match “?”" })).toBeVisible();
    await expect(page.getByText("Type at least two letters or digits")).toBeVisible();
  });

  test("has no accessibility violations", async ({ page }) => {
    for (const url of ["/search?q=nolan", "/search?q=zzqxv", "/search"]) {
      await page.goto(url);
      const result = await new AxeBuilder({ page }).include("main").analyze();
      expect(result.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
});
