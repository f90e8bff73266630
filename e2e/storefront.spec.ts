import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

test.describe("The home storefront", () => {
  test("shows rows of films, and a card opens its film page", async ({ page }) => {
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle("Marquee — films worth your evening");
    await expect(page.getByRole("link", { name: "The Work", exact: true })).toHaveAttribute("href", "/films/the-work");

    for (const name of ["New releases", "Top rated", "Drama"]) {
      await expect(page.getByRole("region", { name }).getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
    }
    const top = page.getByRole("region", { name: "Top rated" });
    await expect(top.getByRole("listitem")).toHaveCount(12);
    // The Bayesian ranking puts 23 reviews at 4.7 above 5.0 from two (Roman Holiday).
    await expect(top.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", "/films/the-work");
    await expect(top.getByRole("img", { name: /^Average rating \d\.\d out of 5$/ }).first()).toBeVisible();

    const drama = page.getByRole("region", { name: "Drama" });
    await expect(drama.getByRole("link", { name: "See all Drama films" })).toHaveAttribute("href", "/genres/drama");

    const card = page.getByRole("region", { name: "New releases" }).getByRole("listitem").first().getByRole("link");
    const href = (await card.getAttribute("href"))!;
    expect(href).toMatch(/^\/films\/[a-z0-9-]+$/);
    await card.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Watch in a web browser" })).toBeVisible();
  });

  test("rows scroll sideways on a phone and wrap into a grid on a desktop", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const row = page.getByRole("region", { name: "New releases" }).getByRole("list");
    await expect(row.getByRole("listitem")).toHaveCount(12);
    const phone = await row.evaluate((el) => ({
      display: getComputedStyle(el).display,
      overflow: getComputedStyle(el).overflowX,
      scrolls: el.scrollWidth > el.clientWidth,
    }));
    expect(phone).toEqual({ display: "flex", overflow: "auto", scrolls: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const desktop = await row.evaluate((el) => ({ display: getComputedStyle(el).display, scrolls: el.scrollWidth > el.clientWidth }));
    expect(desktop).toEqual({ display: "grid", scrolls: false });
  });

  test("describes itself to search engines and link previews", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^https?:\/\/[^/]+\/?$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /genre/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Marquee/);
  });
});

test.describe("A genre page", () => {
  const list = (page: Page) => page.getByRole("list", { name: /^Drama films/ });
  const hrefs = async (page: Page) =>
    list(page)
      .getByRole("link")
      .evaluateAll((els) => els.map((e) => e.getAttribute("href")!));

  test("sorts with the state in the URL, and pages forward and back to the same films", async ({ page }) => {
    const res = await page.goto("/genres/drama");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle("Drama films · Marquee");
    await expect(page.getByRole("heading", { level: 1, name: "Drama" })).toBeVisible();
    await expect(page.getByText("23 films")).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/genres\/drama$/);
    const sort = page.getByRole("navigation", { name: "Sort films" });
    await expect(sort.getByRole("link", { name: "Popular" })).toHaveAttribute("aria-current", "true");

    await sort.getByRole("link", { name: "Top rated" }).click();
    await expect(page).toHaveURL(/\/genres\/drama\?sort=top$/);
    await expect(sort.getByRole("link", { name: "Top rated" })).toHaveAttribute("aria-current", "true");
    await expect(list(page).getByRole("listitem")).toHaveCount(20);
    const first = await hrefs(page);
    await expect(page.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/sort=top&cursor=/);
    await expect(list(page).getByRole("listitem")).toHaveCount(3);
    const second = await hrefs(page);
    expect(new Set([...first, ...second]).size).toBe(23);
    await expect(page.getByText("Next →")).toHaveAttribute("aria-disabled", "true");

    await page.getByRole("link", { name: "← Previous" }).click();
    await expect(page).toHaveURL(/sort=top&cursor=.*&dir=prev/);
    await expect(list(page).getByRole("listitem")).toHaveCount(20);
    // The same films (their order can differ by a near-tie: see the closing note of session 14).
    expect([...(await hrefs(page))].sort()).toEqual([...first].sort());
    await expect(page.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");
  });

  test("sorts newest first", async ({ page }) => {
    await page.goto("/genres/drama?sort=newest");
    await expect(page.getByRole("navigation", { name: "Sort films" }).getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
    await expect(list(page).getByRole("listitem")).toHaveCount(20);
    const years = await list(page)
      .getByRole("listitem")
      .evaluateAll((els) => els.map((e) => Number(/\b(19|20)\d\d\b/.exec(e.querySelector("p + p")!.textContent)![0])));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  test("falls back to Popular for an unknown sort, and 404s for an unknown genre", async ({ page }) => {
    expect((await page.goto("/genres/drama?sort=loudest&cursor=nonsense"))?.status()).toBe(200);
    await expect(page.getByRole("navigation", { name: "Sort films" }).getByRole("link", { name: "Popular" })).toHaveAttribute("aria-current", "true");
    const res = await page.goto("/genres/no-such-genre");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We couldn’t find that page" })).toBeVisible();
  });

  test("film chips and the genres index lead here", async ({ page }) => {
    await page.goto("/films/the-work");
    await page.getByRole("link", { name: "Documentary" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Documentary" })).toBeVisible();
    await page.getByRole("link", { name: "← All genres" }).click();
    await expect(page).toHaveURL(/\/genres$/);
    await expect(page.getByRole("heading", { level: 1, name: "Genres" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Drama\s+23 films$/ })).toHaveAttribute("href", "/genres/drama");
  });
});

test.describe("Search engines and sharing", () => {
  test("sitemap.xml lists the home page, genres, films and their reviews", async ({ request }) => {
    const res = await request.get("/sitemap.xml");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/xml/);
    const xml = await res.text();
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/films\/the-work<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/films\/the-work\/reviews<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/genres\/drama<\/loc>/);
    expect(xml).toMatch(/<loc>https?:\/\/[^/<]+\/<\/loc>/);
    expect(xml).toContain("<lastmod>");
  });

  test("robots.txt allows all but the API and admin, and names the sitemap", async ({ request }) => {
    const res = await request.get("/robots.txt");
    expect(res.status()).toBe(200);
    const txt = await res.text();
    expect(txt).toContain("Allow: /");
    expect(txt).toContain("Disallow: /api/");
    expect(txt).toContain("Disallow: /admin/");
    expect(txt).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
  });

  test("a film page links an Open Graph image that is a 1200×630 PNG", async ({ page, request }) => {
    await page.goto("/films/the-work");
    const og = page.locator('meta[property="og:image"]');
    await expect(og).toHaveAttribute("content", /\/films\/the-work\/opengraph-image/);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    const url = new URL((await og.getAttribute("content"))!);
    const res = await request.get(url.pathname + url.search);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    const png = await res.body();
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect((await request.get("/films/no-such-film/opengraph-image")).status()).toBe(404);
  });

  test("the reviews page shares the film's image", async ({ page }) => {
    await page.goto("/films/the-work/reviews");
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/films\/the-work\/opengraph-image$/);
  });
});

test.describe("The public API", () => {
  test("lists films by keyset, forward and back", async ({ request }) => {
    const res = await request.get("/api/films?genre=drama&sort=top&limit=5");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(res.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=300");
    const page1 = await res.json();
    expect(Object.keys(page1).sort()).toEqual(["data", "nextCursor", "prevCursor"]);
    expect(page1.data).toHaveLength(5);
    expect(page1.prevCursor).toBeNull();
    expect(page1.data[0]).toMatchObject({
      slug: expect.any(String),
      title: expect.any(String),
      year: expect.any(Number),
      rating: { average: expect.any(Number), count: expect.any(Number) },
    });
    const page2 = await (await request.get(`/api/films?genre=drama&sort=top&limit=5&cursor=${page1.nextCursor}`)).json();
    expect(page2.data).toHaveLength(5);
    expect(page2.data.map((f: { slug: string }) => f.slug)).not.toContain(page1.data[0].slug);
    const back = await (await request.get(`/api/films?genre=drama&sort=top&limit=5&cursor=${page2.prevCursor}&dir=prev`)).json();
    expect(back.data).toEqual(page1.data);
    const q = await (await request.get("/api/films?q=the%20work")).json();
    expect(q.data.map((f: { slug: string }) => f.slug)).toEqual(["the-work"]);
  });

  test("shows a film with its rating summary, and its reviews", async ({ request }) => {
    const film = await (await request.get("/api/films/the-work")).json();
    expect(film.data).toMatchObject({ slug: "the-work", title: "The Work", year: 2017, runtimeMinutes: 89 });
    expect(film.data.rating.count).toBe(23);
    expect(film.data.rating.histogram.map((h: { stars: number }) => h.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(film.data.rating.histogram.reduce((a: number, h: { percent: number }) => a + h.percent, 0)).toBe(100);

    const reviews = await (await request.get("/api/films/the-work/reviews?sort=newest&rating=5")).json();
    expect(reviews.data.length).toBe(10);
    expect(reviews.data.every((r: { rating: number }) => r.rating === 5)).toBe(true);
    expect(reviews.nextCursor).toEqual(expect.any(String));
  });

  test("answers 400 for bad parameters and 404 for an unknown film, in JSON", async ({ request }) => {
    const bad = async (path: string, field: string) => {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      const body = await res.json();
      expect(body.error.message).toEqual(expect.any(String));
      expect(Object.keys(body.error.fields), path).toContain(field);
    };
    await bad("/api/films?sort=loudest", "sort");
    await bad(`/api/films?q=${"x".repeat(101)}`, "q");
    await bad("/api/films?cursor=not-a-cursor", "cursor");
    await bad("/api/films?genre=no-such-genre", "genre");
    await bad("/api/films/the-work/reviews?sort=loudest", "sort");
    for (const rating of ["0", "6", "2.5"]) await bad(`/api/films/the-work/reviews?rating=${rating}`, "rating");
    await bad("/api/films/the-work/reviews?cursor=bm90LWpzb24", "cursor");
    const missing = await request.get("/api/films/no-such-film");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: { message: "Film not found", fields: {} } });
    expect((await request.get("/api/films/no-such-film/reviews")).status()).toBe(404);
  });
});

test.describe("Accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const path of ["/", "/genres", "/genres/drama?sort=top"]) {
      test(`${path} has no axe violations (${scheme})`, async ({ page }) => {
        test.setTimeout(60_000); // the home page has hundreds of SVG nodes to check
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
      });
    }
  }
});
