import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followsRouter } from "../../companion/server/routes/follows.ts";
import { syncRouter } from "../../companion/server/routes/sync.ts";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { dayCountsOf, hashtagDaysOf } from "../../entrypoints/common/mirror/hashtag-days.ts";
import { seedBenchStore } from "../bench/seed-bench-store.ts";
import { runCli, tempFolders } from "../cli/cli-harness.ts";
import { launchChromium } from "../helpers/chromium.ts";
import {
  ARTIFACTS_DIR,
  barPixels,
  buildExtension,
  chunkedMirror,
  extensionId,
  frequencyTableCells,
  type MirrorContent,
  parseCliTable,
  writeMirror,
} from "./dashboard-harness.ts";

const HASHTAG = "dashtag";
const folders = tempFolders();

/** The companion's posts for HASHTAG as the mirror holds them: slim posts and links carrying what counting needs. */
const mirrorContentOf = (dataDir: string): MirrorContent => {
  const store = openSqliteStore(dataDir);
  try {
    const posts = [...store.postsForHashtag(HASHTAG)].map(({ raw: _raw, ...post }) => post);
    const links = posts.map((post) => ({
      hashtag: HASHTAG,
      postId: post.id,
      createTime: post.createTime,
      tags: post.hashtags,
    }));
    return {
      ...chunkedMirror(posts, links),
      dayCounts: dayCountsOf(hashtagDaysOf(links)),
      runs: [
        {
          id: 1,
          hashtag: HASHTAG,
          startedAt: "2025-06-01T00:00:00.000Z",
          finishedAt: "2025-06-01T00:01:00.000Z",
          postsNew: posts.length,
          postsSeen: 0,
          error: null,
        },
      ],
      meta: [{ key: "syncCursor", value: "1" }],
    };
  } finally {
    store.close();
  }
};

const waitForView = (page: Page) =>
  page.waitForFunction(
    (tag) =>
      document.querySelector(".hashtag-view")?.getAttribute("data-state") === "ready" &&
      document.querySelector("h1")?.textContent === `#${tag}`,
    { timeout: 20_000 },
    HASHTAG,
  );

describe("the dashboard in a real Chromium", () => {
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let downloads: string;
  let optionsUrl: string;

  beforeAll(async () => {
    dataDir = folders.make("tha-dashboard-");
    downloads = folders.make("tha-downloads-");
    seedBenchStore(dataDir, HASHTAG, 600, 7);
    const extensionDir = await buildExtension();
    browser = await launchChromium({ extensionDir });
    optionsUrl = `chrome-extension://${await extensionId(browser)}/options.html`;
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const session = await browser.target().createCDPSession();
    await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    await page.goto(optionsUrl);
    await page.waitForSelector("h1");
    await writeMirror(page, mirrorContentOf(dataDir));
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    folders.cleanup();
  });

  it("lists the mirrored hashtag on the front page", async () => {
    await page.goto(optionsUrl);
    await page.waitForSelector('[data-testid="hashtags-table"]');
    const row = await page.$eval('[data-testid="hashtags-table"] tbody tr', (tr) => tr.textContent);
    expect(row).toMatch(new RegExp(`^#${HASHTAG}.*600.*600 new, 0 seen`));
    await page.screenshot({ path: join(ARTIFACTS_DIR, "dashboard-home.png"), fullPage: true });
  });

  it("shows the CLI's frequencies table and draws the chart, for all posts and for a date range", async () => {
    await page.click(`a[href="#/hashtag/${HASHTAG}"]`);
    await waitForView(page);
    const cli = parseCliTable((await runCli(["frequencies", HASHTAG, "20", "--data-dir", dataDir])).stdout);
    expect(cli.rows).toHaveLength(20);
    expect(await frequencyTableCells(page)).toEqual(cli.rows);
    expect(await page.$eval(".frequencies caption", (caption) => caption.textContent)).toContain(
      `${cli.total} posts`,
    );
    expect(await barPixels(page)).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "dashboard-hashtag.png"), fullPage: true });

    await page.$eval('input[type="number"]', (input) => {
      (input as HTMLInputElement).value = "8";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const since = "2025-01-01";
    const until = "2025-03-31";
    for (const [label, value] of [
      ["From", since],
      ["To", until],
    ] as const) {
      const input = await page.$(`xpath///label[normalize-space(text())="${label}"]/input`);
      await input?.evaluate((element, day) => {
        (element as HTMLInputElement).value = day;
        element.dispatchEvent(new Event("input", { bubbles: true }));
      }, value);
    }
    const ranged = parseCliTable(
      (await runCli(["frequencies", HASHTAG, "8", "--since", since, "--until", until, "--data-dir", dataDir]))
        .stdout,
    );
    await page.waitForFunction(
      (total) => document.querySelector(".frequencies caption")?.textContent?.includes(`${total} posts`),
      { timeout: 10_000 },
      ranged.total,
    );
    expect(await frequencyTableCells(page)).toEqual(ranged.rows);
  });

  it("downloads the CSV the CLI exports, after a BOM", async () => {
    await page.goto("about:blank");
    await page.goto(`${optionsUrl}#/hashtag/${HASHTAG}`);
    await waitForView(page);
    // The posts table arrives after the counts and moves the export buttons down the page.
    await page.waitForSelector('[data-testid="posts-table"]');
    await page.click("xpath///button[text()='Download CSV']");
    const file = join(downloads, `${HASHTAG}.csv`);
    await expect.poll(() => readdirSync(downloads), { timeout: 15_000 }).toContain(`${HASHTAG}.csv`);
    const cli = await runCli(["export", HASHTAG, "--format", "csv", "--data-dir", dataDir]);
    const downloaded = readFileSync(file, "utf8");
    expect(downloaded.charCodeAt(0)).toBe(0xfeff);
    expect(downloaded.slice(1)).toBe(cli.stdout);
  });
});

describe("the dashboard on the background's own mirror, before and after the companion stops", () => {
  const TAG = "mirrortag";
  const TOKEN = "dashboard-e2e-token-0123456789abcdefABCDEF";
  let browser: Browser;
  let dataDir: string;
  let store: CompanionStore;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = folders.make("tha-dashboard-mirror-");
    seedBenchStore(dataDir, TAG, 300, 11);
    store = openSqliteStore(dataDir);
    server = await startServer(store, 0, {
      version: "e2e",
      token: TOKEN,
      routers: [followsRouter(store), syncRouter(store)],
    });
    browser = await launchChromium({ extensionDir: await buildExtension() });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close().catch(() => undefined);
    store?.close();
  });

  const tableShows = (page: Page, total: number) =>
    page.waitForFunction(
      (posts) =>
        document.querySelector(".hashtag-view")?.getAttribute("data-state") === "ready" &&
        document.querySelector(".frequencies caption")?.textContent?.includes(`${posts} posts`),
      { timeout: 60_000 },
      total,
    );

  it("pairs, lets the background mirror the companion, and keeps every number once the companion is stopped", async () => {
    const cli = parseCliTable((await runCli(["frequencies", TAG, "--data-dir", dataDir])).stdout);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const options = `chrome-extension://${await extensionId(browser)}/options.html`;
    await page.goto(`${options}?token=${TOKEN}&url=${encodeURIComponent(server.url)}`);
    await page.waitForFunction(() => document.body.textContent?.includes("Paired with the companion"), {
      timeout: 20_000,
    });
    await page.goto(`${options}#/hashtag/${TAG}`);
    // The mirror fills page by page; the view re-counts as the sync cursor moves.
    await tableShows(page, cli.total);
    expect(await frequencyTableCells(page)).toEqual(cli.rows);
    expect(await barPixels(page)).toBeGreaterThan(500);

    await server.close();
    store.close();
    await page.goto("about:blank");
    await page.goto(`${options}#/hashtag/${TAG}`);
    await tableShows(page, cli.total);
    expect(await frequencyTableCells(page)).toEqual(cli.rows);
    expect(await barPixels(page)).toBeGreaterThan(500);
    await page.screenshot({ path: join(ARTIFACTS_DIR, "dashboard-companion-stopped.png"), fullPage: true });
    await page.click('a[href="#/"]');
    await page.waitForFunction(() => document.body.textContent?.includes("The companion is not running"), {
      timeout: 20_000,
    });
    expect(await page.$eval('[data-testid="hashtags-table"] tbody tr', (row) => row.textContent)).toContain(
      `#${TAG}`,
    );
  });
});
