/**
 * `npm run screenshots`: the README's pictures of the extension, taken from the real thing. Builds the Chrome
 * extension, runs a companion (job engine and API) on a temporary data folder against test/fake-tiktok, pairs
 * through the ?token= link, follows and collects #travel from the popup on a fake tag page, waits for the mirror,
 * and writes popup.png, dashboard-home.png and dashboard-hashtag.png into test/extension/screenshots/ (committed,
 * unlike the tests' artefacts).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { createJobEngine } from "../../companion/jobs/job-engine.ts";
import { startServer } from "../../companion/server/start-server.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { startFakeTikTok } from "../fake-tiktok/index.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { fakeJobTools } from "../jobs/fake-job-tools.ts";
import { buildExtension, extensionId } from "./dashboard-harness.ts";

const SCREENSHOTS_DIR = fileURLToPath(new URL("./screenshots", import.meta.url));
const TAG = "travel";
const POSTS = 90;
const TOKEN = "screenshot-token-0123456789abcdefABCDEF";

const shoot = async (page: Page, name: string) => {
  const path = join(SCREENSHOTS_DIR, name);
  await page.screenshot({ path });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
};

mkdirSync(SCREENSHOTS_DIR, { recursive: true });
const built = buildExtension();
const fake = await startFakeTikTok({ seed: 5, tags: { [TAG]: POSTS }, pageSize: 30 });
const tools = fakeJobTools(fake);
const folder = mkdtempSync(join(tmpdir(), "tha-screenshots-"));
const store = openSqliteStore(folder);
const engine = createJobEngine({ store, tools });
const server = await startServer(store, 0, { version: "screenshots", token: TOKEN, routers: engine.routers });
engine.start();
const browser = await launchChromium({ fake, extensionDir: await built });
try {
  const base = `chrome-extension://${await extensionId(browser)}`;
  const options = await browser.newPage();
  await options.setViewport({ width: 1100, height: 820 });
  await options.goto(`${base}/options.html?token=${TOKEN}&url=${encodeURIComponent(server.url)}`);
  await options.waitForFunction(() => document.body.textContent?.includes("Paired with the companion"), {
    timeout: 20_000,
  });

  const tagPage = await browser.newPage();
  await tagPage.goto(`https://www.tiktok.com/tag/${TAG}`);
  // A tab cannot host the action popup: popup.html opens as a page told which tab it would see.
  const popup = await browser.newPage();
  await popup.setViewport({ width: 380, height: 600 });
  await popup.goto(`${base}/popup.html?tab=${encodeURIComponent(tagPage.url())}`);
  await (
    await popup.waitForSelector(`::-p-aria(Follow #${TAG}[role="button"])`, { timeout: 20_000 })
  )?.click();
  await popup.waitForFunction((tag) => document.body.textContent?.includes(`Following #${tag}`), {}, TAG);
  await (await popup.waitForSelector('::-p-aria(Collect now[role="button"])'))?.click();
  await popup.waitForSelector(".job-done", { timeout: 180_000 });
  await shoot(popup, "popup.png");

  // The finished job triggers the background's sync; the front page lists the hashtag once it is mirrored.
  // Only the tab in front is painted, so a screenshot of another waits forever.
  await popup.close();
  await tagPage.close();
  await options.bringToFront();
  await options.goto(`${base}/options.html`);
  await options.waitForFunction(
    (tag, posts) =>
      [...document.querySelectorAll('[data-testid="hashtags-table"] tbody tr')].some(
        (row) => row.textContent?.startsWith(`#${tag}`) && row.textContent.includes(String(posts)),
      ),
    { timeout: 60_000 },
    TAG,
    POSTS,
  );
  await shoot(options, "dashboard-home.png");

  // Tall enough for the chart and the frequency table below it.
  await options.setViewport({ width: 1100, height: 1700 });
  await options.goto(`${base}/options.html#/hashtag/${TAG}`);
  await options.waitForSelector('.hashtag-view[data-state="ready"] [data-testid="posts-table"]', {
    timeout: 30_000,
  });
  // Charts animate in; the picture is of the drawn state.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await shoot(options, "dashboard-hashtag.png");
} finally {
  await browser.close();
  await server.close();
  await engine.stop();
  store.close();
  await tools.dispatcher.close();
  await fake.close();
  rmSync(folder, { recursive: true, force: true });
}
