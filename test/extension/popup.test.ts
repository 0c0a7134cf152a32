/**
 * The extension's core in a real Chromium: the built extension loaded, the companion running in-process on a
 * temporary data folder with its job engine collecting from test/fake-tiktok (mapped in for www.tiktok.com).
 * Pair through the ?token= link, follow and collect from the popup on a tag page, see the job finish and the
 * mirror fill, then stop the companion and see the popup and dashboard say so while the mirror stays.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserCollector } from "../../companion/collectors/browser/browser-collector.ts";
import { withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import { createJobEngine, type JobEngine } from "../../companion/jobs/job-engine.ts";
import type { JobTools } from "../../companion/jobs/job-runner.ts";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { CHROME_EXTENSION_ID } from "../../shared/api/extension-identity.ts";
import { FAST } from "../collectors/collect-all.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { ARTIFACTS_DIR, buildExtension, extensionId } from "./dashboard-harness.ts";
import { mirroredIdsOf, mirroredPosts } from "./mirror-posts.ts";

const TAG = "travel";
const TOKEN = "e2e-pairing-token-0123456789abcdefABCDEF";

let fake: FakeTikTok;
let tools: JobTools;
let folder: string;
let store: CompanionStore;
let engine: JobEngine;
let server: RunningServer;
let browser: Browser;
let id: string;

/** Counts a table of the extension's IndexedDB mirror from one of its pages. */
const mirrorCount = (page: Page, table: string): Promise<number> =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("tiktok-hashtag-analysis");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(0);
          const count = db.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
    table,
  );

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage: true });

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const built = buildExtension();
  fake = await startFakeTikTok({ seed: 5, tags: { [TAG]: 24 }, pageSize: 12 });
  const dispatcher = createDispatcher({ proxy: fake.proxyUrl, ca: fake.caCertificate });
  tools = {
    dispatcher,
    politeness: withPoliteness(FAST),
    concurrency: 2,
    openCollector: (_source, hooks) =>
      new BrowserCollector({
        extraArgs: fake.chromiumArgs,
        politeness: FAST,
        settleMs: 300,
        onRetry: hooks.onRetry,
        onNotice: hooks.onNotice,
      }),
  };
  folder = mkdtempSync(join(tmpdir(), "extension-e2e-"));
  store = openSqliteStore(folder);
  engine = createJobEngine({ store, tools });
  server = await startServer(store, 0, { version: "e2e", token: TOKEN, routers: engine.routers });
  engine.start();
  browser = await launchChromium({ fake, extensionDir: await built });
  id = await extensionId(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
  await engine?.stop().catch(() => undefined);
  store?.close();
  await tools?.dispatcher.close();
  await fake?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the extension with a running companion", () => {
  it("has the fixed id its manifest key gives, so the companion's CORS rule and pairing link match it", () => {
    expect(id).toBe(CHROME_EXTENSION_ID);
  });

  it("pairs through the ?token= link, follows and collects from the popup on a tag page, and mirrors the posts", async () => {
    const options = await browser.newPage();
    await options.goto(
      `chrome-extension://${id}/options.html?token=${TOKEN}&url=${encodeURIComponent(server.url)}`,
    );
    await options.waitForFunction(
      () => document.body.textContent?.includes("Paired with the companion at http://127.0.0.1:"),
      { timeout: 20_000 },
    );
    expect(options.url()).not.toContain("token=");

    const tagPage = await browser.newPage();
    await tagPage.goto(`https://www.tiktok.com/tag/${TAG}`);
    // A tab cannot host the action popup, so popup.html is opened as a page told which tab it would see.
    const popup = await browser.newPage();
    await popup.setViewport({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${id}/popup.html?tab=${encodeURIComponent(tagPage.url())}`);
    await popup.waitForFunction(() => document.body.textContent?.includes("running and paired"), {
      timeout: 20_000,
    });

    const follow = await popup.waitForSelector(`::-p-aria(Follow #${TAG}[role="button"])`);
    await follow?.click();
    await popup.waitForFunction((tag) => document.body.textContent?.includes(`Following #${tag}`), {}, TAG);
    const follows = await fetch(`${server.url}/api/follows`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(
      ((await follows.json()) as { follows: Array<{ hashtag: string }> }).follows.map((f) => f.hashtag),
    ).toEqual([TAG]);

    const collect = await popup.waitForSelector('::-p-aria(Collect now[role="button"])');
    await collect?.click();
    await popup.waitForFunction((tag) => document.body.textContent?.includes(`Queued #${tag}`), {}, TAG);
    await popup.waitForSelector("progress", { timeout: 20_000 });
    const finished = await popup
      .waitForSelector(".job-done, .job-failed, .job-interrupted", { timeout: 120_000 })
      .catch(async (error: unknown) => {
        await screenshot(popup, "popup-timeout.png");
        throw new Error(
          `no job finished; the popup shows: ${await popup.evaluate(() => document.body.textContent)}`,
          {
            cause: error,
          },
        );
      });
    // Passive capture may have sent the posts the tag page showed to the companion already: "seen" for the job.
    expect(await finished?.evaluate((item) => item.textContent)).toMatch(/24 posts found, \d+ new/u);
    await screenshot(popup, "popup.png");

    // The job's end triggers a sync: the mirror holds every post once, linked to the hashtag.
    const deadline = Date.now() + 30_000;
    while ((await mirroredIdsOf(popup, TAG)).length < 24 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));
    const mirrored = await mirroredPosts(popup);
    expect(mirrored.filter((post) => post.hasPost)).toHaveLength(24);
    expect(mirrored.flatMap((post) => post.linkedTo)).toEqual(Array.from({ length: 24 }, () => TAG));
    expect(await mirrorCount(popup, "follows")).toBe(1);
    await popup.close();
  }, 240_000);

  it("with the companion stopped, the popup says how to start it and the mirror stays for the dashboard", async () => {
    await server.close();
    const popup = await browser.newPage();
    await popup.setViewport({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.waitForFunction(
      () => document.body.textContent?.includes("npx tiktok-hashtag-analysis start"),
      {
        timeout: 20_000,
      },
    );
    await screenshot(popup, "popup-companion-stopped.png");
    expect((await mirroredPosts(popup)).filter((post) => post.hasPost)).toHaveLength(24);
    const dashboard = await browser.newPage();
    await dashboard.goto(`chrome-extension://${id}/options.html`);
    await dashboard.waitForFunction(
      (tag) => document.body.textContent?.includes(`#${tag}`) || document.body.textContent?.includes(tag),
      { timeout: 20_000 },
      TAG,
    );
    await screenshot(dashboard, "dashboard-companion-stopped.png");
  }, 60_000);
});
