import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import zlib from "node:zlib";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, signUp } from "./helpers";

const WATCH = "/films/the-work/watch";
const WEBM = "/media/trailers/the-work.webm";
const MP4 = "/media/trailers/the-work.mp4";
const file = fs.readFileSync(path.resolve(__dirname, "..", "media", "trailers", "the-work.webm"));
const SIZE = file.length;

function player(page: Page, title = "The Work"): Locator {
  return page.getByLabel(`Trailer of ${title}`);
}

const prop = <K extends keyof HTMLVideoElement>(video: Locator, key: K) => video.evaluate((v, k) => (v as HTMLVideoElement)[k as K], key);

async function loaded(video: Locator) {
  await expect.poll(() => prop(video, "readyState")).toBeGreaterThanOrEqual(1);
}

async function seekTo(video: Locator, t: number): Promise<number> {
  return video.evaluate(
    (v, to) =>
      new Promise<number>((resolve) => {
        const el = v as HTMLVideoElement;
        el.addEventListener("seeked", () => resolve(el.currentTime), { once: true });
        el.currentTime = to;
      }),
    t,
  );
}

test.describe("Watching The Work in the browser", () => {
  test("the page has the trailer in a labelled player with a WebM and an MP4 source", async ({ page }) => {
    await page.goto(WATCH);
    await expect(page.getByRole("heading", { level: 1, name: "Watch The Work" })).toBeVisible();
    const video = player(page);
    await expect(video).toBeVisible();
    await expect(video).toHaveAttribute("controls", "");
    const sources = video.locator("source");
    await expect(sources).toHaveCount(2);
    await expect(sources.nth(0)).toHaveAttribute("src", WEBM);
    await expect(sources.nth(0)).toHaveAttribute("type", "video/webm");
    await expect(sources.nth(1)).toHaveAttribute("src", MP4);
    await expect(sources.nth(1)).toHaveAttribute("type", "video/mp4");
    await expect(video).toHaveAttribute("poster", "/media/posters/the-work.jpg");
    const tracks = video.locator("track");
    await expect(tracks).toHaveCount(2);
    await expect(tracks.nth(0)).toHaveAttribute("srclang", "en");
    await expect(tracks.nth(0)).toHaveAttribute("kind", "captions");
    await expect(tracks.nth(0)).toHaveAttribute("src", /^\/media\/captions\/the-work\/en\.[0-9a-f]{12}\.vtt$/);
    await expect(page.getByText(/^Preview, 8 seconds: colour bars/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Supported browsers and devices" })).toHaveAttribute("href", "/help/devices");
    await expect(page.getByRole("link", { name: "Back to The Work" })).toHaveAttribute("href", "/films/the-work");
  });

  test("the media route serves byte ranges of the file on disk", async ({ page }) => {
    const first = await page.request.get(WEBM, { headers: { Range: "bytes=0-99" } });
    expect(first.status()).toBe(206);
    expect(first.headers()["content-range"]).toBe(`bytes 0-99/${SIZE}`);
    expect(first.headers()["accept-ranges"]).toBe("bytes");
    expect(first.headers()["content-type"]).toBe("video/webm");
    const firstBody = await first.body();
    expect(firstBody.length).toBe(100);
    expect(firstBody.equals(file.subarray(0, 100))).toBe(true);

    const tail = await page.request.get(WEBM, { headers: { Range: "bytes=-10" } });
    expect(tail.status()).toBe(206);
    expect(tail.headers()["content-range"]).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
    expect((await tail.body()).equals(file.subarray(SIZE - 10))).toBe(true);

    const middle = await page.request.get(WEBM, { headers: { Range: "bytes=1000-" } });
    expect(middle.status()).toBe(206);
    expect((await middle.body()).equals(file.subarray(1000))).toBe(true);

    const beyond = await page.request.get(WEBM, { headers: { Range: `bytes=${SIZE}-` } });
    expect(beyond.status()).toBe(416);
    expect(beyond.headers()["content-range"]).toBe(`bytes */${SIZE}`);

    const whole = await page.request.get(WEBM);
    expect(whole.status()).toBe(200);
    expect(whole.headers()["etag"]).toBeTruthy();
    expect(whole.headers()["cache-control"]).toContain("max-age");
    expect((await whole.body()).equals(file)).toBe(true);

    const head = await page.request.head(MP4);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-type"]).toBe("video/mp4");
    expect(head.headers()["accept-ranges"]).toBe("bytes");

    for (const bad of ["/media/trailers/..%2Fpackage.json", "/media/trailers/README.md", "/media/trailers/no-such-film.webm"]) {
      expect((await page.request.get(bad)).status(), bad).toBe(404);
    }
  });

  test("the video loads and seeks", async ({ page }) => {
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    // Chromium has Media Source Extensions: the adaptive stream plays through hls.js.
    expect(await prop(video, "currentSrc")).toMatch(/^blob:/);
    await expect.poll(() => prop(video, "duration")).toBeGreaterThan(7);
    expect(await prop(video, "duration")).toBeLessThan(9);
    expect(await seekTo(video, 4)).toBeCloseTo(4, 1);
    expect(await seekTo(video, 6.5)).toBeCloseTo(6.5, 1);
  });

  test("answers the keyboard when the player has focus, with a visible focus ring", async ({ page }) => {
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    // Reach the player with Tab from the heading, as a keyboard user would.
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("Tab");
    await expect(video).toBeFocused();
    const ring = await video.evaluate((v) => {
      const s = getComputedStyle(v.parentElement!);
      return { style: s.outlineStyle, width: s.outlineWidth };
    });
    expect(ring).toEqual({ style: "solid", width: "3px" });

    expect(await prop(video, "currentTime")).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => prop(video, "currentTime")).toBeCloseTo(5, 0);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => prop(video, "currentTime")).toBeCloseTo(0, 0);

    await page.keyboard.press("ArrowDown");
    await expect.poll(() => prop(video, "volume")).toBeCloseTo(0.9, 5);
    await page.keyboard.press("m");
    await expect.poll(() => prop(video, "muted")).toBe(true);
    await page.keyboard.press("M");
    await expect.poll(() => prop(video, "muted")).toBe(false);

    await page.keyboard.press("Space");
    await expect.poll(() => prop(video, "paused")).toBe(false);
    await page.keyboard.press("k");
    await expect.poll(() => prop(video, "paused")).toBe(true);
    // Space belonged to the player: the page did not scroll.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test("resumes where the viewer stopped, and can start over", async ({ page }) => {
    await page.goto(WATCH);
    let video = player(page);
    await loaded(video);
    expect(await seekTo(video, 3)).toBeCloseTo(3, 1);

    await page.reload();
    video = player(page);
    await loaded(video);
    await expect(page.getByText("Resuming from 0:03")).toBeVisible();
    await expect.poll(() => prop(video, "currentTime")).toBeCloseTo(3, 0);

    await page.getByRole("button", { name: "Start over" }).click();
    await expect(page.getByText("Resuming from")).toHaveCount(0);
    expect(await prop(video, "currentTime")).toBeLessThan(1.5);
    await expect(video).toBeFocused();
    await video.evaluate((v) => (v as HTMLVideoElement).pause());
    await seekTo(video, 0);

    // Now by playing: a couple of seconds, pause, leave, come back.
    await video.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => prop(video, "currentTime"), { timeout: 10_000 }).toBeGreaterThan(2.2);
    await page.keyboard.press("Space");
    await expect.poll(() => prop(video, "paused")).toBe(true);
    const stoppedAt = await prop(video, "currentTime");
    expect(stoppedAt).toBeLessThan(6);

    await page.goto("/films/the-work");
    await page.goto(WATCH);
    video = player(page);
    await loaded(video);
    await expect(page.getByText(`Resuming from 0:0${Math.floor(stoppedAt)}`)).toBeVisible();
    await expect.poll(() => prop(video, "currentTime")).toBeCloseTo(stoppedAt, 0);
  });

  test("does not resume near the end", async ({ page }) => {
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    await seekTo(video, 7.5);
    await page.reload();
    await loaded(player(page));
    await page.waitForTimeout(300);
    await expect(page.getByText("Resuming from")).toHaveCount(0);
    expect(await prop(player(page), "currentTime")).toBe(0);
  });

  test("has no accessibility violations, light and dark, with the resume note showing", async ({ page }) => {
    test.setTimeout(60_000); // two full axe runs
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(WATCH);
      const video = player(page);
      await loaded(video);
      await seekTo(video, 3);
      await page.reload();
      await expect(page.getByRole("button", { name: "Start over" })).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        colorScheme,
      ).toEqual([]);
    }
  });
});

test("a member resumes on another device where they stopped", async ({ page, browser }) => {
  const me = await signUp(page, "Wren Holloway", { from: "/films/casablanca/watch" });
  await page.goto("/films/casablanca/watch");
  const video = player(page, "Casablanca");
  await loaded(video);
  await seekTo(video, 4);
  // pause saves the place; give the server a moment to store it
  await video.evaluate((v) => (v as HTMLVideoElement).pause());
  await page.waitForTimeout(1000);

  // a fresh browser: no local storage, only the account
  const other = await browser.newContext();
  const tablet = await other.newPage();
  await signIn(tablet, me.email, undefined, "/films/casablanca/watch");
  await expect(tablet).toHaveURL(/\/films\/casablanca\/watch$/);
  const v2 = player(tablet, "Casablanca");
  await loaded(v2);
  await expect(tablet.getByText("Resuming from 0:04")).toBeVisible();
  await expect.poll(() => prop(v2, "currentTime")).toBeCloseTo(4, 0);
  await other.close();
});

const activeCue = (video: Locator) =>
  video.evaluate((v) => {
    const el = v as HTMLVideoElement;
    const showing = Array.from(el.textTracks).filter((t) => t.mode === "showing");
    return { showing: showing.map((t) => t.language), cue: showing[0]?.activeCues?.length ? (showing[0].activeCues[0] as VTTCue).text : null };
  });

async function chooseFromMenu(page: Page, menu: string, item: string) {
  const button = page.getByRole("button", { name: new RegExp(`^${menu}:`) });
  await button.focus();
  await page.keyboard.press("Enter");
  const list = page.getByRole("menu", { name: menu });
  await expect(list).toBeVisible();
  const items = list.getByRole("menuitemradio");
  const names = await items.allTextContents();
  const target = names.findIndex((n) => n.replace("✓", "").trim() === item);
  expect(target, `${item} in ${names.join(", ")}`).toBeGreaterThanOrEqual(0);
  const from = names.findIndex((_, i) => i === 0);
  const start = await items.evaluateAll((els) => els.findIndex((e) => e === document.activeElement));
  for (let i = start === -1 ? from : start; i !== target; i = (i + 1) % names.length) await page.keyboard.press("ArrowDown");
  await expect(items.nth(target)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(button).toBeFocused();
}

test.describe("Captions, quality and the rest of the player", () => {
  test("captions show and change language from the keyboard, and the choice is remembered", async ({ page }) => {
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    await expect(page.getByRole("button", { name: "Captions: Off" })).toBeVisible();
    expect((await activeCue(video)).showing).toEqual([]);

    await chooseFromMenu(page, "Captions", "English");
    await expect(page.getByRole("button", { name: "Captions: English" })).toBeVisible();
    await seekTo(video, 0.5);
    await expect.poll(() => activeCue(video)).toEqual({ showing: ["en"], cue: "[A short tone pips once a second]" });
    await seekTo(video, 2.5);
    await expect.poll(async () => (await activeCue(video)).cue).toBe("The Work (2017): a Marquee preview");

    await chooseFromMenu(page, "Captions", "Español");
    await expect.poll(() => activeCue(video)).toEqual({ showing: ["es"], cue: "The Work (2017): un avance de Marquee" });

    // Remembered in this browser.
    await page.reload();
    await loaded(player(page));
    await expect(page.getByRole("button", { name: "Captions: Español" })).toBeVisible();
    await expect.poll(async () => (await activeCue(player(page))).showing).toEqual(["es"]);

    // C on the player switches them off and on again.
    await player(page).focus();
    await page.keyboard.press("c");
    await expect(page.getByRole("button", { name: "Captions: Off" })).toBeVisible();
    await expect.poll(async () => (await activeCue(player(page))).showing).toEqual([]);
    await page.keyboard.press("C");
    await expect(page.getByRole("button", { name: "Captions: Español" })).toBeVisible();
  });

  test("an HLS stream starts, drops to a lower rendition when the network slows, and follows a pinned one", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    await expect(page.getByRole("button", { name: "Quality: Auto" })).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    // Every segment from the network (they are immutable, so the browser would keep them).
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await video.evaluate((v) => {
      const el = v as HTMLVideoElement;
      el.muted = true;
      el.loop = true;
      void el.play();
    });
    // A fast local connection: a rendition above the lowest.
    await expect(page.getByText(/^Playing (240p|180p)$/)).toBeVisible({ timeout: 20_000 });

    // About 40 kbit/s: only the 144p rendition (BANDWIDTH about 180 kbit/s, the least) is left.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 100, downloadThroughput: 5_000, uploadThroughput: 5_000 });
    await expect(page.getByText("Playing 144p")).toBeVisible({ timeout: 60_000 });

    // The viewer pins one from the keyboard, and the stream follows.
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await chooseFromMenu(page, "Quality", "240p");
    await expect(page.getByRole("button", { name: "Quality: 240p" })).toBeVisible();
    await expect(page.getByText("Playing 240p")).toBeVisible({ timeout: 20_000 });
    expect(await prop(video, "paused")).toBe(false);
  });

  test("the progressive file plays where HLS is not available", async ({ page }) => {
    await page.addInitScript(() => {
      // A browser with neither Media Source Extensions nor its own HLS.
      Object.defineProperty(window, "MediaSource", { value: undefined, configurable: true });
      Object.defineProperty(window, "ManagedMediaSource", { value: undefined, configurable: true });
      // Kept unbound on purpose: it is called back with `.call(this, …)` on the element.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const canPlay = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? "" : canPlay.call(this, type);
      };
    });
    const hlsRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/media/hls/")) hlsRequests.push(r.url());
    });
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    expect(await prop(video, "currentSrc")).toMatch(/\/media\/trailers\/the-work\.(webm|mp4)$/);
    await expect(page.getByRole("button", { name: /^Quality:/ })).toHaveCount(0);
    await video.focus();
    await page.keyboard.press("m");
    await page.keyboard.press("Space");
    await expect.poll(() => prop(video, "currentTime"), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(hlsRequests).toEqual([]);
    // Captions work the same on the file.
    await chooseFromMenu(page, "Captions", "English");
    await expect.poll(async () => (await activeCue(video)).showing).toEqual(["en"]);
  });

  test("speed, picture in picture and full screen are buttons with names", async ({ page }) => {
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    await chooseFromMenu(page, "Speed", "1.5×");
    await expect(page.getByRole("button", { name: "Speed: 1.5×" })).toBeVisible();
    expect(await prop(video, "playbackRate")).toBe(1.5);
    await chooseFromMenu(page, "Speed", "Normal (1×)");
    expect(await prop(video, "playbackRate")).toBe(1);
    await page.getByRole("button", { name: "Full screen" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute("aria-label") ?? null)).toBe("Trailer of The Work");
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    const pip = await page.evaluate(() => document.pictureInPictureEnabled);
    await expect(page.getByRole("button", { name: "Picture in picture" })).toHaveCount(pip ? 1 : 0);
    // Escape closes a menu without choosing.
    await page.getByRole("button", { name: /^Speed:/ }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menu", { name: "Speed" })).toBeVisible();
    // An open menu is accessible too.
    const { violations } = await new AxeBuilder({ page }).include('[aria-label="Player settings"]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu", { name: "Speed" })).toHaveCount(0);
    expect(await prop(video, "playbackRate")).toBe(1);
  });

  test("shows that it is loading while the stream stalls", async ({ page }) => {
    // The last segment of every rendition (6-8 s) arrives late.
    await page.route(/\/media\/hls\/.*\/seg-003\.m4s$/, async (route) => {
      await new Promise((r) => setTimeout(r, 6000));
      await route.continue().catch(() => {});
    });
    await page.goto(WATCH);
    const video = player(page);
    await loaded(video);
    await expect(page.getByText("Loading…")).toHaveCount(0);
    await video.evaluate((v) => {
      const el = v as HTMLVideoElement;
      el.muted = true;
      el.currentTime = 6.5;
      void el.play();
    });
    await expect(page.getByText("Loading…")).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0, { timeout: 20_000 });
    await expect.poll(() => prop(video, "currentTime")).toBeGreaterThan(6.5);
  });

  test("when the media cannot load, the player says so and offers a way back", async ({ page }) => {
    await page.route(/\/media\/(hls|trailers)\//, (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(WATCH);
    const alert = page.getByRole("alert").filter({ hasText: "This preview cannot be played right now" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
    await alert.getByRole("link", { name: "Back to The Work" }).click();
    await expect(page).toHaveURL(/\/films\/the-work$/);
  });

  test("the film page lists caption languages and carries no HLS code", async ({ page }) => {
    await page.goto("/films/the-work");
    await expect(page.getByText("Captions", { exact: true })).toBeVisible();
    await expect(page.locator("dd", { hasText: "English, Español" })).toBeVisible();
    // First-load JS: the scripts the document itself names.
    const firstLoad = async (url: string) => {
      const html = await (await page.request.get(url)).text();
      const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
      return Promise.all(srcs.map(async (u) => ({ url: u, body: await (await page.request.get(u)).body() })));
    };
    const scripts = await firstLoad("/films/the-work");
    expect(scripts.length).toBeGreaterThan(0);
    // Neither hls.js nor the player's own code: the film page's budget (150 KB gzip) is not ours to spend.
    expect(scripts.filter((s) => s.body.includes("hlsManifestParsed") || s.body.includes("marquee:captions")).map((s) => s.url)).toEqual([]);
    const gzip = scripts.reduce((n, s) => n + zlib.gzipSync(s.body).length, 0);
    test.info().annotations.push({ type: "film page first-load JS (gzip)", description: `${Math.round(gzip / 1024)} KB` });

    // The watch page does not name it either: it loads it on demand, after the page.
    const loadedLater: Buffer[] = [];
    page.on("response", async (r) => {
      if (r.request().resourceType() === "script" && r.ok()) loadedLater.push(await r.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(WATCH);
    await loaded(player(page));
    expect((await firstLoad(WATCH)).some((s) => s.body.includes("hlsManifestParsed"))).toBe(false);
    expect(loadedLater.some((b) => b.includes("hlsManifestParsed"))).toBe(true);
  });
});

test("a member's caption language follows them to another device", async ({ page, browser }) => {
  const me = await signUp(page, "Ines Calloway", { from: "/films/casablanca/watch" });
  await page.goto("/films/casablanca/watch");
  await loaded(player(page, "Casablanca"));
  await chooseFromMenu(page, "Captions", "Español");
  await page.waitForTimeout(1000); // the account keeps it

  const other = await browser.newContext();
  const tablet = await other.newPage();
  await signIn(tablet, me.email, undefined, "/films/casablanca/watch");
  await expect(tablet).toHaveURL(/\/films\/casablanca\/watch$/);
  await expect(tablet.getByRole("button", { name: "Captions: Español" })).toBeVisible();
  await expect.poll(async () => (await activeCue(player(tablet, "Casablanca"))).showing).toEqual(["es"]);
  await other.close();
});
