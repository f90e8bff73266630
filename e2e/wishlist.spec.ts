import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("a visitor is asked to sign in; a member keeps a wishlist", async ({ page }) => {
  await page.goto("/films/jaws");
  await page.getByRole("button", { name: "Add to wishlist" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffilms%2Fjaws/);

  await signUp(page, "Wanda Lister", { from: "/films/jaws" });
  await page.goto("/wishlist");
  await expect(page.getByRole("heading", { level: 1, name: "Your wishlist" })).toBeVisible();
  await expect(page.getByText("Nothing here yet.")).toBeVisible();

  for (const slug of ["jaws", "alien"]) {
    await page.goto(`/films/${slug}`);
    const add = page.getByRole("button", { name: "Add to wishlist" });
    await add.click();
    await expect(page.getByRole("button", { name: "Remove from wishlist" })).toHaveAttribute("aria-pressed", "true");
  }
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove from wishlist" })).toBeVisible();

  await page.getByRole("button", { name: "Wanda Lister" }).click();
  await page.getByRole("menuitem", { name: "Wishlist" }).click();
  await expect(page).toHaveURL(/\/wishlist$/);
  const list = page.getByRole("list", { name: "Films on your wishlist" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // newest first
  await expect(list.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", "/films/alien");
  await list
    .getByRole("listitem")
    .filter({ has: page.locator('a[href="/films/jaws"]') })
    .getByRole("button", { name: "Remove from wishlist" })
    .click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("list", { name: "Films on your wishlist" }).getByRole("listitem")).toHaveCount(1);
  await page.goto("/films/jaws");
  await expect(page.getByRole("button", { name: "Add to wishlist" })).toHaveAttribute("aria-pressed", "false");
});

test("the wishlist page sends visitors to sign in", async ({ page }) => {
  await page.goto("/wishlist");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fwishlist$/);
});
