import { expect, test, type Page } from "@playwright/test";
import { reviewCount, signIn, signOut, signUp } from "./helpers";

/** Waits until the card's vote has reached the server. */
const settled = (page: Page, card: string) => expect(page.getByRole("article", { name: card }).locator('[aria-busy="true"]')).toHaveCount(0);
const helpfulText = (page: Page, card: string) => page.getByRole("article", { name: card }).getByText(/found this review helpful/);

test("vote helpful, switch and withdraw; never on your own review", async ({ page }) => {
  const author = await signUp(page, "Mina Okafor", { from: "/films/some-like-it-hot" });
  await page.goto("/films/some-like-it-hot");
  await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "5 stars" }).check({ force: true });
  await page.getByLabel("Your review").fill("Funniest ending line in the movies.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("region", { name: "Your review" })).toBeVisible();
  await page.goto("/films/some-like-it-hot/reviews?sort=newest");
  const own = page.getByRole("article", { name: "Review by Mina Okafor" });
  await expect(own.getByRole("button", { name: "Yes" })).toBeDisabled();
  await expect(own.getByText("You can’t vote on your own review.")).toBeVisible();
  await signOut(page, author.name);

  // a visitor is asked to sign in
  await page.getByRole("article", { name: "Review by Mina Okafor" }).getByRole("button", { name: "Yes" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signUp(page, "Felix Grant", { from: "/films/some-like-it-hot/reviews?sort=newest" });
  await page.goto("/films/some-like-it-hot/reviews?sort=newest");
  const card = page.getByRole("article", { name: "Review by Mina Okafor" });
  const yes = card.getByRole("button", { name: "Yes" });
  const no = card.getByRole("button", { name: "No" });
  await expect(yes).toHaveAttribute("aria-pressed", "false");
  await yes.click();
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(helpfulText(page, "Review by Mina Okafor")).toHaveText("1 person found this review helpful");
  await settled(page, "Review by Mina Okafor");
  await page.reload();
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await no.click();
  await expect(no).toHaveAttribute("aria-pressed", "true");
  await expect(yes).toHaveAttribute("aria-pressed", "false");
  await expect(helpfulText(page, "Review by Mina Okafor")).toHaveCount(0);
  await no.click();
  await expect(no).toHaveAttribute("aria-pressed", "false");
  await settled(page, "Review by Mina Okafor");
  await page.reload();
  await expect(yes).toHaveAttribute("aria-pressed", "false");
  await expect(no).toHaveAttribute("aria-pressed", "false");
});

test("three reports from new accounts do not hide a review; a moderator hides and restores it", async ({ page }) => {
  test.setTimeout(90_000);
  const film = "/films/roman-holiday";
  const author = await signUp(page, "Spam Bot 3000", { from: film });
  await page.goto(film);
  await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "1 star" }).check({ force: true });
  await page.getByLabel("Your review").fill("Cheap sunglasses at example dot com!!!");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("region", { name: "Your review" })).toBeVisible();
  const withIt = await reviewCount(page);
  await signOut(page, author.name);

  // Throwaway accounts (less than a day old, no review of their own) can report, and
  // moderators see it, but they cannot hide a review between them.
  for (const name of ["Reporter One", "Reporter Two", "Reporter Three"]) {
    await signUp(page, name, { from: `${film}/reviews?sort=newest` });
    await page.goto(`${film}/reviews?sort=newest`);
    const card = page.getByRole("article", { name: "Review by Spam Bot 3000" });
    await card.getByRole("button", { name: "Report review" }).click();
    const dialog = page.getByRole("dialog", { name: "Report this review" });
    await dialog.getByRole("radio", { name: "Spam or advertising" }).check();
    await dialog.getByRole("button", { name: "Submit report" }).click();
    await expect(card.getByText("Thanks for letting us know.")).toBeVisible();
    await signOut(page, name);
  }
  await page.goto(`${film}/reviews?sort=newest`);
  await expect(page.getByRole("article", { name: "Review by Spam Bot 3000" })).toBeVisible();
  await page.goto(film);
  expect(await reviewCount(page)).toBe(withIt);

  await signIn(page, "admin@marquee.local", "marquee-e2e-admin", "/admin/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  const waiting = page.getByRole("region", { name: "Waiting for a decision" });
  const hidden = page.getByRole("region", { name: "Hidden reviews" });
  const label = "Review by Spam Bot 3000 of Roman Holiday";
  await expect(waiting.getByRole("article", { name: label }).getByText("3 open reports")).toBeVisible();
  await waiting.getByRole("article", { name: label }).getByRole("button", { name: "Hide" }).click();
  await expect(hidden.getByRole("article", { name: label })).toBeVisible();
  await expect(waiting.getByRole("article", { name: label })).toHaveCount(0);
  await page.goto(film);
  await expect.poll(() => reviewCount(page)).toBe(withIt - 1);
  await page.goto(`${film}/reviews?sort=newest`);
  await expect(page.getByRole("article", { name: "Review by Spam Bot 3000" })).toHaveCount(0);

  await page.goto("/admin/reports");
  await hidden.getByRole("article", { name: label }).getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("article", { name: label })).toHaveCount(0);
  await page.goto(film);
  await expect.poll(() => reviewCount(page)).toBe(withIt);
  await page.goto(`${film}/reviews?sort=newest`);
  await expect(page.getByRole("article", { name: "Review by Spam Bot 3000" })).toBeVisible();
});

test("members cannot open the moderation queue", async ({ page }) => {
  await signUp(page, "Curious Member");
  const res = await page.goto("/admin/reports");
  expect(res?.status()).toBe(404);
});
