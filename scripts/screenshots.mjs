// npm run screenshots — full-page PNGs of the main pages at phone and desktop widths,
// in light and dark, into screenshots/ (git-ignored). Needs a server on BASE_URL.
import { chromium } from "@playwright/test";
import fs from "node:fs";

const base = process.env.BASE_URL || "http://localhost:3000";
const pages = (process.env.PAGES || "/,/films/the-work,/films/the-work/reviews,/films/the-work/watch,/help/devices,/films/nope").split(",");
fs.mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
for (const scheme of (process.env.SCHEMES || "light").split(",")) {
  for (const width of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    for (const p of pages) {
      await page.goto(base + p, { waitUntil: "load" });
      await page.waitForTimeout(300);
      const name = `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${scheme}.png`;
      await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
      console.log(`screenshots/${name}`);
    }
    await ctx.close();
  }
}
await browser.close();
