import { expect, test } from "@playwright/test";
import { formAlert, histogram, PASSWORD, reviewCount, signIn, signOut, signUp, uniqueEmail } from "./helpers";

test.describe("accounts", () => {
  test("a visitor signs up from a film page and comes back to it", async ({ page }) => {
    await page.goto("/films/arrival");
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ffilms%2Farrival/);
    await expect(page.getByRole("heading", { name: "Sign in to Marquee" })).toBeVisible();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Rosa Albright");
    await page.getByLabel("Email").fill(uniqueEmail("rosa"));
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Rosa Albright");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/films\/arrival$/);
    await expect(page.getByRole("button", { name: "Rosa Albright" })).toBeVisible();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await signOut(page, "Rosa Albright");
  });

  test("a bad sign-in gets one generic message; an off-site callback is refused", async ({ page }) => {
    const { email, name } = await signUp(page, "Theo Marsh");
    await signOut(page, name);
    await signIn(page, email, "not the password");
    await expect(formAlert(page)).toHaveText("That email and password don’t match an account. Check them and try again.");
    await signIn(page, uniqueEmail("nobody"), "not the password");
    await expect(formAlert(page)).toHaveText("That email and password don’t match an account. Check them and try again.");
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://evil.example/steal")}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("button", { name })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  });

  test("sign-in attempts are limited per email", async ({ page }) => {
    const { email, name } = await signUp(page, "Ivy Cole");
    await signOut(page, name);
    for (let i = 0; i < 10; i++) {
      await signIn(page, email, `wrong ${i}`);
      await expect(formAlert(page)).toContainText("don’t match");
    }
    await signIn(page, email, PASSWORD);
    await expect(formAlert(page)).toHaveText(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
  });
});

test.describe("rating and reviewing", () => {
  test("rate, review, edit and delete; the counts follow each step", async ({ page }) => {
    await signUp(page, "Nadia Brooks", { from: "/films/paddington-2" });
    await page.goto("/films/paddington-2");
    const before = await reviewCount(page);
    const bars = await histogram(page);
    const rate = page.getByRole("group", { name: "Rate this movie" });
    await rate.getByRole("radio", { name: "4 stars" }).check({ force: true });
    const text = page.getByLabel("Your review");
    await expect(text).toBeVisible();
    await text.fill("Warm, silly and beautifully made.");
    await expect(page.getByText("33/500")).toBeVisible();
    await page.getByLabel("Post anonymously").check();
    await page.getByRole("button", { name: "Post" }).click();

    const mine = page.getByRole("region", { name: "Your review" });
    await expect(mine).toBeVisible();
    await expect(mine.getByText("Warm, silly and beautifully made.")).toBeVisible();
    await expect(mine.getByText("Posted anonymously")).toBeVisible();
    await expect.poll(() => reviewCount(page)).toBe(before + 1);
    expect(await histogram(page)).not.toEqual(bars);

    await mine.getByRole("button", { name: "Edit review" }).click();
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "2 stars" }).check({ force: true });
    await page.getByLabel("Your review").fill("On reflection: too sweet for me.");
    await page.getByLabel("Post anonymously").uncheck();
    await page.getByRole("button", { name: "Post" }).click();
    await expect(mine.getByText("On reflection: too sweet for me.")).toBeVisible();
    await expect(mine.getByText(/^\(edited /)).toBeVisible();
    await expect(mine.getByRole("img", { name: "Rated 2 out of 5" })).toBeVisible();
    await expect.poll(() => reviewCount(page)).toBe(before + 1);

    await page.goto("/films/paddington-2/reviews?sort=newest");
    await expect(page.getByRole("article", { name: "Review by Nadia Brooks" })).toBeVisible();

    await page.goto("/films/paddington-2");
    await mine.getByRole("button", { name: "Delete review" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your review?" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("region", { name: "Your review" })).toHaveCount(0);
    await expect.poll(() => reviewCount(page)).toBe(before);
    expect(await histogram(page)).toEqual(bars);
  });

  test("a visitor choosing a star signs in and comes back with the form open", async ({ page }) => {
    const { email, name } = await signUp(page, "Omar Quint");
    await signOut(page, name);
    await page.goto("/films/coco");
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "5 stars" }).click({ force: true });
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/films\/coco\?rate=5#rate$/);
    await expect(page.getByLabel("Your review")).toBeVisible();
    await expect(page.getByRole("radio", { name: "5 stars" })).toBeChecked();
  });

  test("a 501-character review is refused and the text is kept", async ({ page }) => {
    await signUp(page, "Lena Park", { from: "/films/up" });
    await page.goto("/films/up");
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "3 stars" }).check({ force: true });
    const long = "é".repeat(501);
    await page.getByLabel("Your review").fill(long);
    await expect(page.getByText("501/500")).toBeVisible();
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByText("Your review is 501 characters long. Please keep it to 500.")).toBeVisible();
    await expect(page.getByLabel("Your review")).toHaveValue(long);
    await page.getByLabel("Your review").fill("é".repeat(500));
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByRole("region", { name: "Your review" })).toBeVisible();
  });

  test("markup in a review shows as text and runs nothing", async ({ page }) => {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await signUp(page, "Hugo Vance", { from: "/films/roman-holiday" });
    await page.goto("/films/roman-holiday");
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "5 stars" }).check({ force: true });
    const payload = `<script>alert("x")</script><img src=x onerror="alert('y')"> lovely`;
    await page.getByLabel("Your review").fill(payload);
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByRole("region", { name: "Your review" }).getByText(payload)).toBeVisible();
    await page.goto("/films/roman-holiday/reviews?sort=newest");
    await expect(page.getByRole("article", { name: "Review by Hugo Vance" }).getByText(payload)).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("spoilers stay hidden until asked for", async ({ page }) => {
    await signUp(page, "Ada Quill", { from: "/films/whiplash" });
    await page.goto("/films/whiplash");
    await page.getByRole("group", { name: "Rate this movie" }).getByRole("radio", { name: "4 stars" }).check({ force: true });
    await page.getByLabel("Your review").fill("The ending is a drum solo that never stops.");
    await page.getByLabel("Contains spoilers").check();
    await page.getByRole("button", { name: "Post" }).click();
    await expect(page.getByRole("region", { name: "Your review" })).toBeVisible();
    await page.goto("/films/whiplash/reviews?sort=newest");
    const card = page.getByRole("article", { name: "Review by Ada Quill" });
    await expect(card.getByText("The ending is a drum solo")).toHaveCount(0);
    await card.getByRole("button", { name: "Show spoiler" }).click();
    await expect(card.getByText("The ending is a drum solo that never stops.")).toBeVisible();
  });
});
