import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/chromium.ts";
import { CAPTCHA, CHAIN_TOKEN_COOKIE, startFakeTikTok, TAG_PAGE } from "./index.ts";
import type { ItemStruct } from "./item-struct.ts";
import type { FakeTikTok } from "./types.ts";

/** Scrolls like a reader until `selector` shows; presses Retry after an error unless told not to. */
const scrollUntil = async (page: Page, selector: string, retry = true): Promise<void> => {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await page.$(selector)) return;
    const button = retry ? await page.$('[data-e2e="challenge-list-retry"]') : null;
    if (button) await button.click();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the tag page never showed ${selector}`);
};

const scrollToEnd = (page: Page) => scrollUntil(page, TAG_PAGE.endSelector);

/** Every item the page received from item_list, in order. */
const captureItems = (page: Page): ItemStruct[] => {
  const items: ItemStruct[] = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/api/challenge/item_list/") || response.status() !== 200) return;
    const body = (await response.json().catch(() => ({}))) as { itemList?: ItemStruct[] };
    items.push(...(body.itemList ?? []));
  });
  return items;
};

const tileLinks = (page: Page) =>
  page.$$eval(`${TAG_PAGE.tileSelector} a`, (links) => links.map((link) => (link as HTMLAnchorElement).href));

describe("a real Chromium on the fake TikTok", () => {
  let fake: FakeTikTok;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeTikTok({ seed: 21, tags: { travel: 95, 東京: 40 } });
    browser = await launchChromium({ fake });
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it("loads www.tiktok.com/tag/<name> through --host-resolver-rules and scrolls until every post is on the page", async () => {
    const page = await browser.newPage();
    const errors: unknown[] = [];
    page.on("pageerror", (error) => errors.push(error));
    const items = captureItems(page);
    const response = await page.goto("https://www.tiktok.com/tag/travel");
    expect(response?.status()).toBe(200);
    await scrollToEnd(page);
    const posts = fake.corpus.posts("travel");
    const links = await tileLinks(page);
    expect(links).toHaveLength(95);
    expect(links).toEqual(
      posts.map((post) => `https://www.tiktok.com/@${post.author.uniqueId}/video/${post.id}`),
    );
    expect(items.map((item) => item.id)).toEqual(posts.map((post) => post.id));
    expect(errors).toEqual([]);
    const cookies = await browser.cookies();
    expect(cookies.find((cookie) => cookie.name === CHAIN_TOKEN_COOKIE)?.domain).toBe(".tiktok.com");
    await page.close();
  });

  it("recovers from a rate limit mid-scroll, and loads a non-Latin tag", async () => {
    fake.addFault({ path: "cursor=30", fault: { kind: "rate-limit", retryAfter: 1 } });
    const page = await browser.newPage();
    await page.goto(`https://www.tiktok.com/tag/${encodeURIComponent("東京")}`);
    await scrollUntil(page, TAG_PAGE.errorSelector, false);
    expect(await page.$eval(TAG_PAGE.statusSelector, (status) => status.textContent)).toContain(
      "Too many requests",
    );
    await scrollToEnd(page);
    expect(await tileLinks(page)).toHaveLength(40);
    expect(fake.requests.filter((request) => request.status === 429)).toHaveLength(1);
    await page.close();
  });

  it("shows TikTok's captcha overlay when the API answers with a verify decision", async () => {
    fake.addFault({ path: "item_list", fault: { kind: "captcha" } });
    const page = await browser.newPage();
    await page.goto("https://www.tiktok.com/tag/travel");
    await page.waitForSelector(`#${CAPTCHA.mainPageId}`);
    expect(await page.$$(TAG_PAGE.tileSelector)).toHaveLength(0);
    await page.close();
  });

  it("plays a video from the CDN with the page's Referer and tt_chain_token", async () => {
    const post = fake.corpus.posts("travel").find((item) => !item.imagePost)!;
    const page = await browser.newPage();
    await page.goto(`https://www.tiktok.com/@${post.author.uniqueId}/video/${post.id}`);
    await page.evaluate(() => {
      const video = document.querySelector("video")!;
      video.preload = "auto";
      video.load();
    });
    const isVideoRequest = (request: { path: string }) => request.path.startsWith(`/video/tos/${post.id}/`);
    for (let waited = 0; waited < 10_000 && !fake.requests.some(isVideoRequest); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const videoRequests = fake.requests.filter(isVideoRequest);
    expect(videoRequests.length).toBeGreaterThan(0);
    expect(videoRequests[0]).toMatchObject({ host: "v16-webapp-prime.tiktok.com" });
    expect([200, 206]).toContain(videoRequests[0]!.status);
    expect(videoRequests[0]!.headers.referer).toBe("https://www.tiktok.com/");
    await page.close();
  });

  it("cannot reach any other host", async () => {
    const page = await browser.newPage();
    await expect(page.goto("https://example.org/")).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/u);
    await page.close();
  });
});

describe("launchChromium", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "fake-tiktok-extension-"));
    writeFileSync(
      path.join(folder, "manifest.json"),
      JSON.stringify({
        manifest_version: 3,
        name: "probe",
        version: "1.0",
        background: { service_worker: "worker.js" },
      }),
    );
    writeFileSync(path.join(folder, "worker.js"), "self.addEventListener('install', () => {});\n");
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("loads an unpacked extension", async () => {
    const browser = await launchChromium({ extensionDir: folder });
    try {
      const worker = await browser.waitForTarget(
        (target) => target.type() === "service_worker" && target.url().startsWith("chrome-extension://"),
        { timeout: 15_000 },
      );
      expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/worker\.js$/u);
    } finally {
      await browser.close();
    }
  });
});
