import { expect, test, type ConsoleMessage } from "@playwright/test";
import { signUp } from "./helpers";
import { callAction } from "./actions";

const REQUIRED = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  for (const d of [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ])
    expect(csp).toContain(d);
  expect(csp).not.toContain("unsafe-eval");
  for (const [k, v] of Object.entries(REQUIRED)) expect(headers[k]).toBe(v);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // plain http here: no HSTS (it is sent when the proxy says https)
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("security headers on pages (cached ones too), the API, images and media", async ({ request }) => {
  for (const path of [
    "/",
    "/films/the-work",
    "/genres",
    "/help/devices",
    "/signin",
    "/api/films?limit=1",
    "/api/films/the-work",
    "/api/search/suggest?q=work",
    "/films/the-work/poster.svg",
    "/films/the-work/opengraph-image",
    "/no-such-page",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    expectSecurityHeaders(res.headers());
  }
  const https = await request.get("/help/devices", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
});

test("pages hydrate and work under the CSP, with no violations", async ({ page }) => {
  const violations: string[] = [];
  const onConsole = (m: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  };
  page.on("console", onConsole);
  page.on("pageerror", (e) => violations.push(`pageerror: ${e.message}`));
  await page.goto("/");
  // the header's search box suggests as you type: React is running
  const search = page.getByRole("combobox", { name: /search/i });
  await search.fill("the wo");
  await expect(page.getByRole("option", { name: /The Work/ }).first()).toBeVisible();
  await signUp(page, "Csp Checker", { from: "/films/the-work" });
  await page.goto("/films/the-work/reviews");
  await expect(page.getByRole("article").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("over a write limit the member sees how long to wait, next to the control, and nothing is written", async ({ page }) => {
  await signUp(page, "Eager Voter", { from: "/films/the-work/reviews?sort=newest" });
  await page.goto("/films/the-work/reviews?sort=newest");
  const card = page.getByRole("article").first();
  const reviewId = (await card.getAttribute("id"))!.replace(/^review-/, "");
  // 60 votes a minute is the default: use them up through the action itself
  for (let i = 0; i < 60; i++) {
    const r = await callAction(page.request, "voteAction", [reviewId, i % 2 ? null : "YES"]);
    expect(r.status).toBe(200);
  }
  const yes = card.getByRole("button", { name: "Yes" });
  await yes.click();
  await expect(card.getByText(/^Too many votes\. Try again in 1 minute\.$/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("article").first().getByRole("button", { name: "Yes" })).toHaveAttribute("aria-pressed", "false");
});
