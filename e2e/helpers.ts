import { expect, type Page } from "@playwright/test";

let counter = 0;
export const PASSWORD = "a perfectly long password";

export function uniqueEmail(tag = "member"): string {
  counter += 1;
  return `${tag}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Signs up through the real form and returns to `from` (default: the home page). */
export async function signUp(page: Page, name: string, opts: { from?: string; email?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const from = opts.from ?? "/";
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(from)}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name })).toBeVisible();
  return { name, email };
}

export async function signIn(page: Page, email: string, password = PASSWORD, from = "/") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(from)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** The film page's "N reviews" count in the Ratings and reviews section. */
export async function reviewCount(page: Page): Promise<number> {
  const text = await page
    .getByRole("region", { name: "Ratings and reviews" })
    .getByText(/^\d[\d,]* reviews?$/)
    .first()
    .textContent();
  return Number(text!.replace(/\D/g, ""));
}

export async function histogram(page: Page): Promise<string[]> {
  return page
    .getByRole("list", { name: "Rating distribution" })
    .getByRole("listitem")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
}

/** The form's own alert (Next.js also keeps an empty route announcer with role=alert). */
export function formAlert(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}
