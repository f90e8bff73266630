import { expect, test, type Locator, type Page } from "@playwright/test";
import { signUp } from "./helpers";

/** Presses Tab until `target` has focus (as a keyboard user would), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

test("a member finds a film by search, rates, reviews and votes without a mouse", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "Kit Keys");
  await page.goto("/");

  // find the film: a misspelled search in the header, arrow down, Enter
  const search = page.getByRole("banner").getByRole("combobox", { name: "Search films" });
  await tabTo(page, search);
  await page.keyboard.type("inceptoin");
  const option = page.getByRole("listbox", { name: "Suggested films" }).getByRole("option", { name: "Inception, 2010" });
  await expect(option).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/films\/inception$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inception" })).toBeVisible();

  // rate: Tab into the stars, Space picks one, arrows move it
  const rate = page.getByRole("group", { name: "Rate this movie" });
  await tabTo(page, rate.getByRole("radio", { name: "1 star" }));
  await page.keyboard.press("Space");
  const text = page.getByLabel("Your review");
  await expect(text).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(rate.getByRole("radio", { name: "4 stars" })).toBeChecked();

  // review
  await tabTo(page, text);
  await page.keyboard.type("Dreams inside dreams, and it still makes sense.");
  await tabTo(page, page.getByLabel("Contains spoilers"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Contains spoilers")).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Post" }));
  await page.keyboard.press("Enter");
  const mine = page.getByRole("region", { name: "Your review" });
  await expect(mine.getByRole("img", { name: "Rated 4 out of 5" })).toBeVisible();
  await expect(mine.getByText("Dreams inside dreams, and it still makes sense.")).toBeVisible();

  // vote on someone else's review
  const card = page.getByRole("article").first();
  const yes = card.getByRole("button", { name: "Yes" });
  await tabTo(page, yes);
  await page.keyboard.press("Enter");
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await expect(card.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("article").first().getByRole("button", { name: "Yes" })).toHaveAttribute("aria-pressed", "true");
});
