import { expect, test } from "@playwright/test";
import type { Server } from "node:http";

// A real OpenID Connect provider on localhost, started by this test; the app's
// next-auth talks to it over HTTP exactly as it would to any issuer.

let server: Server | undefined;

test.beforeAll(async ({}, info) => {
  const base = info.project.use.baseURL!;
  const issuer = `http://127.0.0.1:${Number(new URL(base).port) + 98}`;
  const { default: Provider } = await import("oidc-provider");
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "marquee-e2e",
        client_secret: "marquee-e2e-secret-value",
        redirect_uris: [`${base}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@sso.example.test`, email_verified: true, name: "Sam Sso" };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["marquee-e2e-cookie-key"] },
    // put the profile and email claims in the ID token, as most issuers do
    conformIdTokenClaims: false,
  });
  await new Promise<void>((resolve) => {
    server = provider.listen(new URL(issuer).port, resolve);
  });
});

test.afterAll(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

test("sign in with an OpenID Connect provider and come back to the film", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/films/the-work")}`);
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  // the provider's own sign-in and consent screens
  const login = `sso-${Date.now().toString(36)}`;
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]');
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page).toHaveURL(/\/films\/the-work$/);
  await expect(page.getByRole("button", { name: "Sam Sso" })).toBeVisible();
});
