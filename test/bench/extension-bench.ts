/**
 * `npm run bench:extension`: 100k posts of one hashtag into the extension's IndexedDB mirror in a real Chromium,
 * then the time until the hashtag's view has drawn its chart and table. Prints the figures; not a test.
 *
 * BENCH_POSTS (default 100000) and BENCH_DATA_DIR (reuse a seeded data folder: seeding takes ~45 s) adjust it.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databasePath } from "../../companion/store/paths.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { buildExtension, extensionId, writeMirror } from "../extension/dashboard-harness.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { seedBenchStore } from "./seed-bench-store.ts";

const HASHTAG = "benchtag";
const COUNT = Number(process.env.BENCH_POSTS ?? 100_000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), "tha-bench-"));
if (!existsSync(databasePath(dataDir))) {
  const began = performance.now();
  seedBenchStore(dataDir, HASHTAG, COUNT);
  console.log(
    `seeded ${COUNT} posts into ${dataDir} in ${seconds(performance.now() - began)} (not measured)`,
  );
}

const store = openSqliteStore(dataDir);
const posts = [...store.postsForHashtag(HASHTAG)].map(({ raw: _raw, ...post }) => post);
store.close();
const links = posts.map((post) => ({
  hashtag: HASHTAG,
  postId: post.id,
  createTime: post.createTime,
  tags: post.hashtags,
}));

const browser = await launchChromium({ extensionDir: await buildExtension() });
try {
  const optionsUrl = `chrome-extension://${await extensionId(browser)}/options.html`;
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(optionsUrl);
  await page.waitForSelector("h1");

  const began = performance.now();
  const idbMs = await writeMirror(page, {
    posts,
    links,
    runs: [],
    meta: [{ key: "syncCursor", value: "1" }],
  });
  const mirrorMs = performance.now() - began;

  const drawn = performance.now();
  await page.goto("about:blank");
  await page.goto(`${optionsUrl}#/hashtag/${HASHTAG}`);
  const inPage = await page.waitForFunction(
    () => {
      const view = document.querySelector(".hashtag-view");
      const canvas = document.querySelector<HTMLCanvasElement>(".hashtag-view canvas");
      const table = document.querySelector('[data-testid="frequency-table"] tbody tr');
      return (
        view?.getAttribute("data-state") === "ready" && canvas !== null && table !== null && performance.now()
      );
    },
    { polling: "raf", timeout: 60_000 },
  );
  const viewMs = (await inPage.jsonValue()) as number;
  const viewWallMs = performance.now() - drawn;
  const rowsAt = await page.waitForFunction(
    () => document.querySelector('[data-testid="posts-table"]') !== null && performance.now(),
    { polling: "raf", timeout: 60_000 },
  );
  const rowsMs = (await rowsAt.jsonValue()) as number;
  const total = await page.$eval(".frequencies caption", (caption) => caption.textContent);

  console.log(
    `posts: ${posts.length} of #${HASHTAG} (${(JSON.stringify(posts).length / 1e6).toFixed(0)} MB as JSON)`,
  );
  console.log(
    `mirror write (IndexedDB time in the page): ${seconds(idbMs)}; with the DevTools transfer: ${seconds(mirrorMs)}`,
  );
  console.log(
    `hashtag view, chart and table drawn: ${seconds(viewMs)} after navigation (${seconds(viewWallMs)} wall)`,
  );
  console.log(
    `posts table (all ${posts.length} rows read and sorted) drawn: ${seconds(rowsMs)} after navigation`,
  );
  console.log(`table caption: ${total}`);
} finally {
  await browser.close();
  if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
}
