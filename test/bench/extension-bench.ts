/**
 * `npm run bench:extension`: 100k posts of one hashtag mirrored into the extension's IndexedDB by the real path
 * (pairing through `options.html?token=`, then the background worker pulling the companion's /api/sync/stream
 * pages into Dexie), in a real Chromium; then the time until the hashtag's view has drawn its chart and table.
 * Prints the figures with the load average (the machine is shared); not a test.
 *
 * BENCH_POSTS (default 100000) and BENCH_DATA_DIR (reuse a seeded data folder: seeding takes ~45 s) adjust it;
 * BENCH_PROFILE=<file> also profiles the background worker during the sync.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { followsRouter } from "../../companion/server/routes/follows.ts";
import { syncRouter } from "../../companion/server/routes/sync.ts";
import { startServer } from "../../companion/server/start-server.ts";
import { databasePath } from "../../companion/store/paths.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { MAX_SYNC_PAGE } from "../../shared/api/sync.ts";
import { checkStreamPage, SyncStreamHead } from "../../shared/api/sync-stream.ts";
import { fastParseJson } from "../../shared/json/fast-parse-json.ts";
import { buildExtension, extensionId } from "../extension/dashboard-harness.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { seedBenchStore } from "./seed-bench-store.ts";

const HASHTAG = "benchtag";
const TOKEN = "bench-token-0123456789abcdefABCDEF0123";
const COUNT = Number(process.env.BENCH_POSTS ?? 100_000);
/** BENCH_PROFILE=<file.cpuprofile>: a CPU profile of the background worker during the sync (open it in DevTools). */
const PROFILE = process.env.BENCH_PROFILE;

/** Profiles the extension's background worker; stop() writes the profile and prints where its time went. */
const startWorkerProfile = async (browser: Browser) => {
  const target = await browser.waitForTarget(
    (candidate) => candidate.type() === "service_worker" && candidate.url().startsWith("chrome-extension://"),
  );
  const session = await target.createCDPSession();
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 1000 });
  await session.send("Profiler.start");
  return {
    stop: async (file: string) => {
      const { profile } = await session.send("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      const self = new Map<string, number>();
      const gaps = profile.timeDeltas ?? [];
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      (profile.samples ?? []).forEach((id, index) => {
        const frame = byId.get(id)?.callFrame;
        const name =
          frame === undefined
            ? "?"
            : `${frame.functionName || "(anonymous)"} ${frame.url.split("/").at(-1)}:${frame.lineNumber}`;
        self.set(name, (self.get(name) ?? 0) + (gaps[index] ?? 0) / 1000);
      });
      const total = [...self.values()].reduce((sum, ms) => sum + ms, 0);
      console.log(`background worker profile (${file}), self time of ${seconds(total)}:`);
      for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`  ${seconds(ms)}  ${name}`);
    },
  };
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(", ")}`;

const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), "tha-bench-"));
if (!existsSync(databasePath(dataDir))) {
  const began = performance.now();
  seedBenchStore(dataDir, HASHTAG, COUNT);
  console.log(
    `seeded ${COUNT} posts into ${dataDir} in ${seconds(performance.now() - began)} (not measured)`,
  );
}

const store = openSqliteStore(dataDir);
const latest = String(store.engine.changes.latestCursor());

/**
 * The companion's and the parser's share, outside the browser: every page built as the sync stream's route
 * builds it, then its lines parsed and checked against the contract as the background does.
 */
const feedCosts = () => {
  let cursor = 0;
  let pages = 0;
  let building = 0;
  let parsing = 0;
  let bytes = 0;
  for (;;) {
    const built = performance.now();
    const { text, nextCursor, hasMore } = store.engine.changes.changesSinceLines(cursor, MAX_SYNC_PAGE);
    const parsed = performance.now();
    building += parsed - built;
    const [head, ...postLines] = text.slice(0, -1).split("\n");
    checkStreamPage({ head: SyncStreamHead.parse(fastParseJson(head as string)), postLines });
    parsing += performance.now() - parsed;
    bytes += text.length;
    pages += 1;
    cursor = nextCursor;
    if (!hasMore) break;
  }
  return { pages, building, parsing, bytes };
};
const feed = feedCosts();
const server = await startServer(store, 0, {
  version: "bench",
  token: TOKEN,
  routers: [followsRouter(store), syncRouter(store)],
});
const browser = await launchChromium({ extensionDir: await buildExtension() });
try {
  const optionsUrl = `chrome-extension://${await extensionId(browser)}/options.html`;
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  console.log(`before: ${load()}`);
  const profiler = PROFILE === undefined ? null : await startWorkerProfile(browser);

  const began = performance.now();
  await page.goto(`${optionsUrl}?token=${TOKEN}&url=${encodeURIComponent(server.url)}`);
  await page.waitForFunction(() => document.body.textContent?.includes("Paired with the companion"), {
    timeout: 20_000,
  });
  // Off the dashboard, so the background's sync is measured alone (the dashboard re-reads as the cursor moves).
  await page.goto("about:blank");
  const worker = await (
    await browser.waitForTarget(
      (target) => target.type() === "service_worker" && target.url().startsWith("chrome-extension://"),
    )
  ).worker();
  if (worker === null) throw new Error("The extension's background worker is not running");
  // The background's sync writes its cursor in the same transaction as each page: at `latest` it holds all.
  const readMeta = (key: string) =>
    worker.evaluate(
      (metaKey) =>
        new Promise<string | null>((resolve) => {
          const open = indexedDB.open("tiktok-hashtag-analysis");
          open.onerror = () => resolve(null);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains("meta")) {
              db.close();
              resolve(null);
              return;
            }
            const read = db.transaction("meta").objectStore("meta").get(metaKey);
            read.onsuccess = () => {
              db.close();
              resolve(read.result?.value ?? null);
            };
            read.onerror = () => {
              db.close();
              resolve(null);
            };
          };
        }),
      key,
    );
  const readCursor = () => readMeta("syncCursor");
  let shown = performance.now();
  for (;;) {
    const cursor = await readCursor();
    if (cursor === latest) break;
    if (performance.now() - shown > 10_000) {
      shown = performance.now();
      console.log(`  ${seconds(shown - began)}: cursor ${cursor} of ${latest} (${load()})`);
    }
    if (performance.now() - began > 600_000) throw new Error("The mirror did not catch up in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const mirrorMs = performance.now() - began;
  console.log(`mirrored: ${load()}`);
  if (profiler !== null && PROFILE !== undefined) await profiler.stop(PROFILE);
  // The sync writes its figures just after its last page's cursor.
  let syncStats = await readMeta("lastSyncStats");
  while (syncStats === null && performance.now() - began < mirrorMs + 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    syncStats = await readMeta("lastSyncStats");
  }

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

  console.log(`posts: ${COUNT} of #${HASHTAG}, sync cursor ${latest}`);
  console.log(`mirrored from pairing (the background's sync into Dexie): ${seconds(mirrorMs)}`);
  console.log(`  the background's sync: ${syncStats}`);
  console.log(
    `  in Node, outside the browser: the companion builds the ${feed.pages} pages of ${MAX_SYNC_PAGE} changes (${(feed.bytes / 1e6).toFixed(0)} MB of JSON) in ${seconds(feed.building)}; parsing and checking them as the background does takes ${seconds(feed.parsing)}`,
  );
  console.log(
    `hashtag view, chart and table drawn: ${seconds(viewMs)} after navigation (${seconds(viewWallMs)} wall)`,
  );
  console.log(`posts table (all ${COUNT} rows read and sorted) drawn: ${seconds(rowsMs)} after navigation`);
  console.log(`table caption: ${total}`);
  console.log(`after: ${load()}`);
} finally {
  await browser.close();
  await server.close();
  store.close();
  if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
}
