/**
 * Passive capture in a real Chromium: the built extension, a companion on a temporary data folder and
 * test/fake-tiktok mapped in for www.tiktok.com. Scroll fake pages as a user would; every post the page loaded
 * must be in the extension's IndexedDB and in the companion, linked to the hashtag, also when the companion was
 * down meanwhile; odd items and broken JSON leave the page working and store nothing bad.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { ODD_ITEM_COUNT } from "../fake-tiktok/pages/odd-items.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { extensionId } from "./dashboard-harness.ts";
import { mirroredIdsOf, mirroredPosts } from "./mirror-posts.ts";

const TOKEN = "e2e-capture-token-0123456789abcdefABCDEF";
const TAGS = { travel: 30, food: 24, music: 24, cats: 24, dogs: 12 };

let fake: FakeTikTok;
let folder: string;
let store: CompanionStore;
let server: RunningServer;
let port: number;
let browser: Browser;
let id: string;
/** An extension page to read its IndexedDB from. */
let extensionPage: Page;

/**
 * Builds the Chrome extension into its own folder: other tests (and people) rebuild .output/chrome-mv3 while this
 * one runs, which would pull files from under its browser.
 */
const buildOwnExtension = async (outDir: string): Promise<string> => {
  await promisify(execFile)("npx", ["wxt", "build"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, EXTENSION_OUT_DIR: outDir },
  });
  return join(outDir, "chrome-mv3");
};

const startCompanion = async (onPort: number) => {
  server = await startServer(store, onPort, { version: "e2e", token: TOKEN });
  port = server.port;
};

/** The primary keys of a table of the extension's IndexedDB, optionally those starting with `prefix`. */
const keysOf = (table: string, prefix?: string): Promise<unknown[]> =>
  extensionPage.evaluate(
    (name, first) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("tiktok-hashtag-analysis");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // Compound keys [first, ...] sort between [first] and [first, []] (an array sorts after any string).
          const range = first === null ? undefined : IDBKeyRange.bound([first], [first, []]);
          const keys = db.transaction(name).objectStore(name).getAllKeys(range);
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result as unknown[]);
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
    table,
    prefix ?? null,
  );

const idsOf = async (table: string, prefix: string) =>
  ((await keysOf(table, prefix)) as [string, string][]).map(([, postId]) => postId).sort();

const corpusIds = (tag: string) =>
  fake.corpus
    .posts(tag)
    .map((post) => post.id)
    .sort();

const companionIds = async (tag: string): Promise<string[]> => {
  const response = await fetch(`${server.url}/api/hashtags/${encodeURIComponent(tag)}/posts?limit=500`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const body = (await response.json()) as { posts: Array<{ id: string }> };
  return body.posts.map((post) => post.id).sort();
};

/** Opens a fake tag page and scrolls like a reader until it says there is no more, pressing Retry after an error. */
const scrollTagPage = async (tag: string): Promise<{ page: Page; errors: string[] }> => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`https://www.tiktok.com/tag/${encodeURIComponent(tag)}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await page.$eval('[data-e2e="challenge-list-status"]', (status) =>
      status instanceof HTMLElement ? (status.dataset.state ?? "") : "",
    );
    if (state === "end") break;
    if (Date.now() > deadline) throw new Error(`the ${tag} page did not finish loading (state ${state})`);
    if (state === "error") await page.click('[data-e2e="challenge-list-retry"]');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return { page, errors };
};

const until = async (what: string, check: () => Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const popupText = async (tabUrl: string): Promise<string> => {
  const popup = await browser.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${encodeURIComponent(tabUrl)}`);
  await popup.waitForSelector('[data-testid="capture-counts"]', { timeout: 20_000 });
  const text = await popup.$eval('[data-testid="capture-counts"]', (element) => element.textContent ?? "");
  await popup.close();
  return text;
};

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "capture-e2e-"));
  const built = buildOwnExtension(join(folder, "extension"));
  fake = await startFakeTikTok({ seed: 11, tags: TAGS, pageSize: 12 });
  mkdirSync(join(folder, "data"));
  store = openSqliteStore(join(folder, "data"));
  await startCompanion(0);
  browser = await launchChromium({ fake, extensionDir: await built });
  id = await extensionId(browser);
  extensionPage = await browser.newPage();
  await extensionPage.goto(
    `chrome-extension://${id}/options.html?token=${TOKEN}&url=${encodeURIComponent(server.url)}`,
  );
  await extensionPage.waitForFunction(
    () => document.body.textContent?.includes("Paired with the companion at http://127.0.0.1:"),
    { timeout: 20_000 },
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  store?.close();
  await fake?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("passive capture", () => {
  it("keeps every post a scrolled tag page loaded, in the extension and the companion, linked to the hashtag", async () => {
    const { page, errors } = await scrollTagPage("travel");
    const expected = corpusIds("travel");
    await until(
      "the extension holds every post",
      async () => (await mirroredIdsOf(extensionPage, "travel")).length >= 30,
    );
    expect(await mirroredIdsOf(extensionPage, "travel")).toEqual(expected);
    expect(await idsOf("captured", "#travel")).toEqual(expected);
    await until("the companion holds every post", async () => (await companionIds("travel")).length >= 30);
    expect(await companionIds("travel")).toEqual(expected);
    await until("the queue is empty", async () => (await keysOf("captureQueue")).length === 0);
    expect(await popupText(page.url())).toBe("This tab captured 30 posts: 30 new, 0 already known.");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("queues while the companion is stopped and sends everything once it is back, each post once", async () => {
    await server.close();
    const { page } = await scrollTagPage("food");
    const expected = corpusIds("food");
    await until(
      "the extension holds every post",
      async () => (await mirroredIdsOf(extensionPage, "food")).length >= 24,
    );
    expect(await mirroredIdsOf(extensionPage, "food")).toEqual(expected);
    expect(await idsOf("captureQueue", "food")).toEqual(expected);
    await startCompanion(port);
    // Opening the popup retries at once; the background's own retries would get there within a minute.
    // (A post can carry both hashtags: "already known" counts those travel brought in.)
    expect(await popupText(page.url())).toMatch(/^This tab captured 24 posts: \d+ new, \d+ already known\./u);
    await until("the companion holds every post", async () => (await companionIds("food")).length >= 24);
    expect(await companionIds("food")).toEqual(expected);
    await until("the queue is empty", async () => (await keysOf("captureQueue")).length === 0);
    const runs = store.runs("food");
    expect(runs.every((run) => run.source === "captured")).toBe(true);
    const fromTravel = new Set(corpusIds("travel"));
    expect(runs.reduce((sum, run) => sum + run.postsNew, 0)).toBe(
      expected.filter((postId) => !fromTravel.has(postId)).length,
    );
    await page.close();
  }, 120_000);

  it("a page with odd items and broken JSON keeps working, and nothing but real posts is stored", async () => {
    const challenge = fake.corpus.tags().find((tag) => tag.name === "music")?.challengeId;
    fake.addFault({ path: `challengeID=${challenge}`, fault: { kind: "odd-items" } });
    fake.addFault({ path: `challengeID=${challenge}`, fault: { kind: "malformed-json" } });
    const { page, errors } = await scrollTagPage("music");
    const expected = corpusIds("music");
    // The page shows the real posts and the odd entries it was sent, and its own Retry got past the broken page.
    expect(await page.$$eval('[data-e2e="challenge-item"]', (tiles) => tiles.length)).toBe(
      expected.length + ODD_ITEM_COUNT,
    );
    expect(errors).toEqual([]);
    await until("the companion holds every post", async () => (await companionIds("music")).length >= 24);
    expect(await mirroredIdsOf(extensionPage, "music")).toEqual(expected);
    expect(await companionIds("music")).toEqual(expected);
    const everyCorpusId = new Set(Object.keys(TAGS).flatMap(corpusIds));
    const stored = (await mirroredPosts(extensionPage)).filter((post) => post.hasPost).map((post) => post.id);
    expect(stored.filter((postId) => !everyCorpusId.has(postId))).toEqual([]);
    expect(store.totalPosts()).toBe(stored.length);
    await page.close();
  }, 120_000);

  it("reads XMLHttpRequest answers too, and keeps a non-tag page's posts under its kind, unlinked, in the companion too", async () => {
    const post = fake.corpus.posts("travel")[0];
    const user = post?.author.uniqueId ?? "";
    const page = await browser.newPage();
    await page.goto(`https://www.tiktok.com/@${user}/video/${post?.id}`);
    const challenge = fake.corpus.tags().find((tag) => tag.name === "cats")?.challengeId ?? "";
    await page.evaluate(async (challengeId) => {
      const get = (cursor: string, responseType: XMLHttpRequestResponseType) =>
        new Promise<void>((resolve, reject) => {
          const request = new XMLHttpRequest();
          request.open(
            "GET",
            `/api/challenge/item_list/?challengeID=${challengeId}&count=12&cursor=${cursor}`,
          );
          request.responseType = responseType;
          request.onload = () => resolve();
          request.onerror = () => reject(new Error("xhr failed"));
          request.send();
        });
      await get("0", "json");
      await get("12", "");
    }, challenge);
    const expected = corpusIds("cats");
    await until(
      "the extension holds the posts",
      async () => (await idsOf("captured", `@${user}`)).length >= 25,
    );
    expect(await idsOf("captured", `@${user}`)).toEqual([...new Set([...expected, post?.id ?? ""])].sort());
    expect(await mirroredIdsOf(extensionPage, "cats")).toEqual([]);
    expect(await idsOf("captureQueue", "cats")).toEqual([]);
    // The companion has them too, under the profile they were captured on, and linked to no hashtag.
    const profile = { kind: "profile", value: user.toLowerCase() } as const;
    const inCompanion = () => [...store.postsInContext(profile)].map((stored) => stored.id).sort();
    await until("the companion holds the profile's posts", async () => inCompanion().length >= 25);
    expect(inCompanion()).toEqual([...new Set([...expected, post?.id ?? ""])].sort());
    expect(await companionIds("cats")).toEqual([]);
    await until("the queue is empty", async () => (await keysOf("captureQueue")).length === 0);
    await page.close();
  }, 60_000);

  it("captures nothing while paused, from the popup's switch", async () => {
    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await (await popup.waitForSelector("::-p-aria(Pause capture)"))?.click();
    await popup.waitForFunction(() =>
      document.body.textContent?.includes("Paused: posts TikTok loads are not kept."),
    );
    const { page } = await scrollTagPage("dogs");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await idsOf("captured", "#dogs")).toEqual([]);
    await page.close();
    await (await popup.waitForSelector("::-p-aria(Pause capture)"))?.click();
    await popup.waitForFunction(() => document.body.textContent?.includes("This tab captured"));
    await popup.close();
  }, 60_000);
});
