import { expect, test } from "@playwright/test";

test.describe("The Work's film page", () => {
  test("shows the facts, the rating summary and the most helpful reviews", async ({ page }) => {
    await page.goto("/films/the-work");
    await expect(page).toHaveTitle("The Work (2017) · Marquee");
    await expect(page.getByRole("heading", { level: 1, name: "The Work" })).toBeVisible();
    await expect(page.getByText("2017 • 89 minutes")).toBeVisible();
    await expect(page.getByRole("link", { name: "Documentary" })).toBeVisible();

    const watch = page.getByRole("link", { name: "Watch in a web browser" });
    await expect(watch).toHaveAttribute("href", "/films/the-work/watch");
    await expect(page.getByText("or on supported devices")).toBeVisible();
    await expect(page.getByRole("link", { name: "Learn more" })).toHaveAttribute("href", "/help/devices");
    await expect(page.getByRole("button", { name: "Add to wishlist" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "About this movie" })).toBeVisible();
    const seeMore = page.getByRole("button", { name: "See more" });
    await expect(seeMore).toHaveAttribute("aria-expanded", "false");
    await seeMore.click();
    await expect(page.getByRole("button", { name: "See less" })).toHaveAttribute("aria-expanded", "true");

    const ratings = page.getByRole("region", { name: "Ratings and reviews" });
    await expect(page.getByRole("heading", { name: "Ratings and reviews" })).toBeVisible();
    await expect(ratings.getByText("23 reviews")).toBeVisible();
    await expect(ratings.getByRole("img", { name: /^Average rating 4\.\d out of 5$/ })).toBeVisible();
    const bars = ratings.getByRole("list", { name: "Rating distribution" }).getByRole("listitem");
    await expect(bars).toHaveCount(5);
    const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(labels.map((l) => l.split(",")[0])).toEqual(["5 stars", "4 stars", "3 stars", "2 stars", "1 star"]);
    const total = labels.reduce((a, l) => a + Number(/(\d+) percent/.exec(l)![1]), 0);
    expect(total).toBe(100);
    await expect(ratings.getByRole("listitem", { name: /^5 stars, 7\d percent$/ })).toBeVisible();

    const rate = page.getByRole("group", { name: "Rate this movie" });
    await expect(rate.getByText("Tell us what you think.")).toBeVisible();
    for (const n of ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]) await expect(rate.getByRole("radio", { name: n })).toBeAttached();

    const reviews = page.getByRole("article");
    await expect(reviews).toHaveCount(4);
    const first = reviews.first();
    await expect(first.getByRole("img", { name: /^Rated [1-5] out of 5$/ })).toBeVisible();
    await expect(first.locator("time").first()).toHaveText(/^[A-Z][a-z]+ \d{1,2}, 20\d\d$/);
    await expect(first.getByText(/(people|person) found this review helpful/)).toBeVisible();
    await expect(first.getByText("Did you find this helpful?")).toBeVisible();
    await expect(first.getByRole("button", { name: "Yes" })).toBeVisible();
    await expect(first.getByRole("button", { name: "No" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "Similar films" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See all reviews" })).toHaveAttribute("href", "/films/the-work/reviews");
  });

  test("describes itself to search engines", async ({ page }) => {
    await page.goto("/films/the-work");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/films\/the-work$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Folsom/);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld["@type"]).toBe("Movie");
    expect(ld.name).toBe("The Work");
    expect(ld.aggregateRating.ratingCount).toBe(23);
    expect(ld.review.length).toBeGreaterThan(0);
  });

  test("the watch and devices pages exist", async ({ page }) => {
    await page.goto("/films/the-work");
    await page.getByRole("link", { name: "Watch in a web browser" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Watch The Work" })).toBeVisible();
    await page.goto("/films/the-work");
    await page.getByRole("link", { name: "Learn more" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Supported browsers and devices" })).toBeVisible();
  });

  test("an unknown film is a 404 with a way home", async ({ page }) => {
    const res = await page.goto("/films/no-such-film");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Film not found" })).toBeVisible();
    await page.getByRole("link", { name: "Browse all films" }).click();
    await expect(page).toHaveURL(/\/$/);
    const res2 = await page.goto("/films/no-such-film/reviews");
    expect(res2?.status()).toBe(404);
  });
});

test.describe("All reviews of The Work", () => {
  /** Waits until the streamed review list has replaced its loading placeholder. */
  const settled = async (page: import("@playwright/test").Page) => {
    await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
    await expect(page.getByRole("article").first()).toBeVisible();
  };
  const dates = async (page: import("@playwright/test").Page) =>
    (await settled(page), page).getByRole("article").evaluateAll((els) => els.map((e) => e.querySelector("time")!.getAttribute("datetime")!));
  const stars = async (page: import("@playwright/test").Page) =>
    (await settled(page), page)
      .getByRole("article")
      .evaluateAll((els) => els.map((e) => Number(/Rated (\d)/.exec(e.querySelector('[aria-label^="Rated"]')!.getAttribute("aria-label")!)![1])));

  test("sorts by most helpful by default, then newest, highest and lowest", async ({ page }) => {
    await page.goto("/films/the-work");
    await page.getByRole("link", { name: "See all reviews" }).click();
    await expect(page).toHaveURL(/\/films\/the-work\/reviews$/);
    await expect(page.getByRole("link", { name: "Most helpful" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("article")).toHaveCount(10);

    await page.getByRole("link", { name: "Newest" }).click();
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
    const d = await dates(page);
    expect(d).toEqual([...d].sort().reverse());

    await page.getByRole("link", { name: "Highest rating" }).click();
    await expect(page).toHaveURL(/sort=highest/);
    await expect(page.getByRole("link", { name: "Highest rating" })).toHaveAttribute("aria-current", "true");
    const hi = await stars(page);
    expect(hi).toEqual([...hi].sort((a, b) => b - a));
    expect(hi[0]).toBe(5);

    await page.getByRole("link", { name: "Lowest rating" }).click();
    await expect(page).toHaveURL(/sort=lowest/);
    await expect(page.getByRole("link", { name: "Lowest rating" })).toHaveAttribute("aria-current", "true");
    const lo = await stars(page);
    expect(lo).toEqual([...lo].sort((a, b) => a - b));
    expect(lo[0]).toBe(3);
  });

  test("filters by star value, with the state in the URL", async ({ page }) => {
    await page.goto("/films/the-work/reviews?sort=newest");
    await page.getByRole("navigation", { name: "Filter by rating" }).getByRole("link", { name: "4 stars" }).click();
    await expect(page).toHaveURL(/sort=newest&rating=4/);
    await expect(page.getByText("4 reviews with 4 stars")).toBeVisible();
    expect(await stars(page)).toEqual([4, 4, 4, 4]);
    await page.goto("/films/the-work/reviews?rating=2");
    await expect(page.getByText("No reviews match this filter yet.")).toBeVisible();
  });

  test("pages to page 3 and back without repeats", async ({ page }) => {
    const go = async (name: string) => {
      const before = page.url();
      await page.getByRole("link", { name }).click();
      await page.waitForURL((u) => u.toString() !== before);
      await expect(page.getByRole("navigation", { name: "Review pages" })).toBeVisible();
      return dates(page);
    };
    await page.goto("/films/the-work/reviews?sort=newest");
    const seen: string[][] = [await dates(page)];
    await expect(page.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");
    seen.push(await go("Next →"));
    await expect(page).toHaveURL(/sort=newest&cursor=/);
    seen.push(await go("Next →"));
    expect(seen.map((s) => s.length)).toEqual([10, 10, 3]);
    expect(new Set(seen.flat()).size).toBe(23);
    expect(seen.flat()).toEqual([...seen.flat()].sort().reverse());
    await expect(page.getByText("Next →")).toHaveAttribute("aria-disabled", "true");
    expect(await go("← Previous")).toEqual(seen[1]);
    expect(await go("← Previous")).toEqual(seen[0]);
    await expect(page.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");
  });
});
