// Cached pages for everyone, the member's bits apart (README, "Caching").
import { expect, test, type APIResponse } from "@playwright/test";
import { signUp } from "./helpers";

test.describe("cached pages", () => {
  test("a visitor gets light cached pages and never asks for member data", async ({ page, request }) => {
    for (const path of [
      "/films/the-work",
      "/films/the-work/reviews",
      "/films/the-work/reviews?sort=newest&rating=5",
      "/",
      "/genres",
      "/genres/drama?sort=top",
      "/api/films/the-work",
    ]) {
      await request.get(path);
      const again = await request.get(path);
      expect(again.status(), path).toBe(200);
      expect(again.headers()["x-nextjs-cache"], path).toBe("HIT");
    }
    const film = await request.get("/films/the-work", { headers: { "Accept-Encoding": "identity" } });
    expect((await film.body()).length).toBeLessThanOrEqual(80 * 1024);
    const home = await request.get("/", { headers: { "Accept-Encoding": "identity" } });
    expect((await home.body()).length).toBeLessThanOrEqual(150 * 1024);
    // Pages with a cursor are rendered per request, not cached.
    const deep = await request.get("/films/the-work/reviews?sort=newest&cursor=abc");
    expect(deep.status()).toBe(200);
    expect(deep.headers()["x-nextjs-cache"]).toBeUndefined();

    const me: string[] = [];
    page.on("request", (r) => r.url().includes("/api/me") && me.push(r.url()));
    await page.goto("/films/the-work");
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Rate this movie" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to wishlist" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Learn more about supported devices" })).toHaveAttribute("href", "/help/devices");
    await page.waitForLoadState("networkidle");
    expect(me).toEqual([]);

    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/icon/);
    const poster = await request.get((await page.getByRole("img", { name: "Poster for The Work" }).getAttribute("src"))!);
    expect(poster.headers()["cache-control"]).toContain("immutable");
  });

  test("a visitor's film page fetches no other page after it loads (no link or search prefetching)", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.searchParams.has("_rsc") || r.headers()["rsc"]) fetched.push(r.url());
    });
    await page.goto("/films/the-work");
    await expect(page.getByRole("heading", { level: 1, name: "The Work" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(1000);
    expect(fetched).toEqual([]);
    // a click still navigates (fetched on demand)
    await page.getByRole("link", { name: "Marquee", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("a member's page asks for their bits once, with placeholders and never 'Sign in' meanwhile", async ({ page }) => {
    await signUp(page, "Pia Lund", { from: "/films/coco" });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const me: string[] = [];
    await page.route("**/api/me**", async (route) => {
      me.push(route.request().url());
      await held;
      await route.continue();
    });
    await page.goto("/films/coco");
    await expect(page.getByRole("heading", { level: 1, name: "Coco" })).toBeVisible();
    // While the member's data is on its way: no "Sign in", no visitor stars, no wishlist state.
    await expect(page.getByRole("link", { name: "Sign in" })).toBeHidden();
    await expect(page.getByRole("group", { name: "Rate this movie" })).toBeHidden();
    await expect(page.getByRole("button", { name: /wishlist/ })).toBeHidden();
    release();
    await expect(page.getByRole("button", { name: "Pia Lund" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Rate this movie" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to wishlist" })).toBeVisible();
    expect(me).toHaveLength(1);
    expect(me[0]).toContain("film=coco");
  });

  test("the member request is answered by the server directly, the same answer with the same headers as through Next", async ({ page, request }) => {
    await signUp(page, "Ida Berg", { from: "/films/heat" });
    const answers: APIResponse[] = [];
    for (let i = 0; i < 3; i++) answers.push(await page.request.get("/api/me?film=heat"));
    // the first may load the route in Next; from then on the server answers it itself
    const last = answers[2]!;
    expect(last.headers()["server-timing"]).toMatch(/^me;desc="direct";dur=[\d.]+$/);
    for (const r of answers) {
      expect(r.status()).toBe(200);
      expect(await r.json()).toMatchObject({ user: { name: "Ida Berg", role: "MEMBER" }, film: { slug: "heat", myReview: null, wished: false } });
      const h = r.headers();
      expect(h["cache-control"]).toBe("private, no-store");
      expect(h["content-type"]).toMatch(/^application\/json/);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(h["x-request-id"]).toBeTruthy();
    }
    // a visitor: no member, and the member hint is dropped
    const visitor = await request.get("/api/me?film=heat", { headers: { Cookie: "mq_member=1" } });
    expect(await visitor.json()).toEqual({ user: null });
    expect(visitor.headers()["set-cookie"]).toContain("mq_member=;");
    expect((await page.request.get("/api/me?film=NOT%20a%20slug")).status()).toBe(400);
  });

  test("a member sees their review at once; a visitor sees it on the next load", async ({ page, browser }) => {
    const visitor = await browser.newPage();
    await visitor.goto("/films/la-la-land/reviews?sort=newest");
    const count = async () =>
      Number(
        (await visitor
          .getByText(/^\d+ reviews?$/)
          .first()
          .textContent())!.replace(/\D/g, ""),
      );
    const before = await count();

    await signUp(page, "Ravi Okafor", { from: "/films/la-la-land" });
    await page.goto("/films/la-la-land");
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "5 stars" }).check({ force: true });
    await page.getByLabel("Your review").fill("The opening number alone is worth it.");
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByRole("region", { name: "Your review" }).getByText("The opening number alone is worth it.")).toBeVisible();

    await visitor.reload();
    expect(await count()).toBe(before + 1);
    await expect(visitor.getByRole("article", { name: "Review by Ravi Okafor" })).toBeVisible();
    await visitor.goto("/films/la-la-land");
    await expect(
      visitor
        .getByRole("region", { name: "Ratings and reviews" })
        .getByText(`${before + 1} reviews`)
        .first(),
    ).toBeVisible();
    await visitor.close();
  });
});
