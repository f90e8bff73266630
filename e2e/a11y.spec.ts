import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";

const PUBLIC_PAGES = [
  "/",
  "/films/the-work",
  "/films/the-work/reviews",
  "/genres/documentary",
  "/search?q=teh+wrok",
  "/films/the-work/watch",
  "/signin",
  "/signup",
  "/help/devices",
];

async function expectNoViolations(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")})`,
  );
  expect(summary, `axe on ${path}`).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`no axe violations in the ${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });
    test("public pages", async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of PUBLIC_PAGES) await expectNoViolations(page, path);
    });
    test("member pages", async ({ page }) => {
      test.setTimeout(120_000);
      await signUp(page, `Axe ${scheme}`);
      for (const path of ["/wishlist", "/films/the-work", "/films/the-work?rate=4"]) await expectNoViolations(page, path);
    });
  });
}
