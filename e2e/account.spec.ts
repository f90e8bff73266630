import { expect, test, type Browser, type Page } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { formAlert, PASSWORD, reviewCount, signIn, signOut, signUp, uniqueEmail } from "./helpers";

// A real SMTP server on localhost that the app sends reset mails to (SMTP_URL in
// playwright.config.ts points here).
const SMTP_PORT = Number(process.env.E2E_PORT || 3100) + 50;
const inbox: { to: string; text: string }[] = [];
let smtp: SMTPServer;

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        inbox.push({ to, text: raw });
        done();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The reset link in the last mail to `email` (quoted-printable soft breaks undone). */
async function resetLinkFor(email: string): Promise<string> {
  await expect.poll(() => inbox.filter((m) => m.to === email).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const mail = inbox
    .filter((m) => m.to === email)
    .at(-1)!
    .text.replace(/=\r?\n/g, "")
    .replace(/=3D/g, "=");
  const m = /http:\/\/[^\s]+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail);
  expect(m).not.toBeNull();
  return m![0];
}

/** The form's own status line (the header's search box keeps an empty one too). */
const formStatus = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

async function signedInContext(browser: Browser, email: string, password = PASSWORD) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email, password, "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  return { ctx, page };
}

test("sign-out ends this browser's session on the server (a copied cookie no longer works), not the member's other browsers", async ({ page, browser }) => {
  const { name, email } = await signUp(page, "Cookie Copier", { from: "/account" });
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const other = await signedInContext(browser, email);
  const copied = await page.context().cookies();
  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await thief.close();
  // the member's other browser is still signed in
  await other.page.goto("/films/the-work");
  await expect(other.page.getByRole("button", { name })).toBeVisible();
  await other.page.goto("/account");
  await expect(other.page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await other.ctx.close();
});

test("the account page: name, data, password change that signs out elsewhere, sign out everywhere, delete", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { email, name } = await signUp(page, "Avery Quinn", { from: "/films/the-work" });
  // something to take along: a rating on The Work
  await page.goto("/films/the-work");
  const before = await reviewCount(page);
  await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "4 stars" }).check({ force: true });
  await page.getByLabel("Your review").fill("Stayed with me for days.");
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("region", { name: "Your review" })).toBeVisible();
  await expect.poll(() => reviewCount(page)).toBe(before + 1);

  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  // display name
  await page.getByLabel("Display name").fill("Avery Q.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(formStatus(page)).toHaveText("Your name was changed.");
  await expect(page.getByRole("button", { name: "Avery Q." })).toBeVisible();

  // download my data
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8")));
  expect(Object.keys(data)).toEqual(expect.arrayContaining(["profile", "reviews", "votes", "reports", "wishlist"]));
  expect(data.profile).toMatchObject({ email, displayName: "Avery Q." });
  expect(data.reviews).toEqual([expect.objectContaining({ film: "the-work", rating: 4, body: "Stayed with me for days." })]);

  // a second device; a password change signs it out, this one stays in
  const other = await signedInContext(browser, email);
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("an even longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That password doesn’t match your current one.").first()).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("an even longer password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("region", { name: "Password" }).getByRole("status")).toContainText("Your password was changed.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await other.page.reload();
  await expect(other.page).toHaveURL(/\/signin/);

  // sign out everywhere: the second device (signed in again) and this one
  await other.page.getByLabel("Email").fill(email);
  await other.page.getByLabel("Password").fill("an even longer password");
  await other.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await other.page.reload();
  await expect(other.page).toHaveURL(/\/signin/);
  await other.ctx.close();

  // delete the account, confirmed with the password; the rating leaves the film
  await signIn(page, email, "an even longer password", "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  const del = page.getByRole("region", { name: "Delete account" });
  await del.getByLabel("Password").fill("wrong password!");
  await del.getByRole("button", { name: "Delete account" }).click();
  await expect(del.getByRole("alert")).toContainText("was not deleted");
  await del.getByLabel("Password").fill("an even longer password");
  await del.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/films/the-work");
  await expect.poll(() => reviewCount(page)).toBe(before);
  await signIn(page, email, "an even longer password");
  await expect(formAlert(page)).toContainText("don’t match");
});

test("forgot password: a one-time link by mail, the same answer for unknown emails", async ({ page }) => {
  const { email, name } = await signUp(page, "Forgetful Fern");
  await signOut(page, name);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();

  const unknown = uniqueEmail("nobody");
  await page.getByLabel("Email").fill(unknown);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = formStatus(page);
  await expect(answer).toContainText("If an account uses that email");
  const unknownAnswer = await answer.textContent();

  await page.reload();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(formStatus(page)).toHaveText(unknownAnswer!);

  const link = await resetLinkFor(email);
  expect(inbox.some((m) => m.to === unknown)).toBe(false);
  await page.goto(link.replace(/^http:\/\/[^/]+/, ""));
  await page.getByLabel("New password").fill("a fresh start password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(formStatus(page)).toContainText("Your password was changed.");
  // one time only
  await page.goto(link.replace(/^http:\/\/[^/]+/, ""));
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await signIn(page, email, "a fresh start password");
  await expect(page.getByRole("button", { name })).toBeVisible();
});
