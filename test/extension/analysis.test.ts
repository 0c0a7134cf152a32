import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadImage } from "canvas";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followsRouter } from "../../companion/server/routes/follows.ts";
import { syncRouter } from "../../companion/server/routes/sync.ts";
import { type RunningServer, startServer } from "../../companion/server/start-server.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { NODE_COLOUR } from "../../entrypoints/options/charts/network-graph-model.ts";
import { coHashtagNetwork } from "../../shared/analysis/co-hashtag-network.ts";
import type { HashtagTrends, TagChange } from "../../shared/analysis/hashtag-trends.ts";
import { seedBenchStore } from "../bench/seed-bench-store.ts";
import { runCli, tempFolders } from "../cli/cli-harness.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { ARTIFACTS_DIR, extensionId } from "./dashboard-harness.ts";

const TAG = "analysistag";
const TOKEN = "analysis-e2e-token-0123456789abcdefABCDEF";
const folders = tempFolders();

/** Its own build folder: other tests rebuild .output/chrome-mv3 while this one runs. */
const buildOwnExtension = async (outDir: string): Promise<string> => {
  await promisify(execFile)("npx", ["wxt", "build"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, EXTENSION_OUT_DIR: outDir },
  });
  return join(outDir, "chrome-mv3");
};

interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** What the element shows, composited as on screen (sigma draws nodes with WebGL and labels on a 2D canvas). */
const pixelsOf = async (element: ElementHandle): Promise<Pixels> => {
  const image = await loadImage(Buffer.from(await element.screenshot({ type: "png" })));
  const { createCanvas } = await import("canvas");
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: context.getImageData(0, 0, image.width, image.height).data,
  };
};

const rgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

const isColour = (pixels: Pixels, x: number, y: number, [r, g, b]: [number, number, number], slack = 6) => {
  const i = (y * pixels.width + x) * 4;
  const { data } = pixels;
  return (
    Math.abs((data[i] ?? -99) - r) <= slack &&
    Math.abs((data[i + 1] ?? -99) - g) <= slack &&
    Math.abs((data[i + 2] ?? -99) - b) <= slack
  );
};

const countColour = (pixels: Pixels, colour: [number, number, number]): number => {
  let count = 0;
  for (let y = 0; y < pixels.height; y++)
    for (let x = 0; x < pixels.width; x++) if (isColour(pixels, x, y, colour)) count++;
  return count;
};

/** A point well inside a node of `colour`: every pixel within `radius` has it, so a click there hits the node. */
const insideNode = (
  pixels: Pixels,
  colour: [number, number, number],
  radius = 3,
): { x: number; y: number } | null => {
  for (let y = radius; y < pixels.height - radius; y++)
    for (let x = radius; x < pixels.width - radius; x++) {
      let inside = true;
      for (let dy = -radius; inside && dy <= radius; dy++)
        for (let dx = -radius; inside && dx <= radius; dx++)
          inside = isColour(pixels, x + dx, y + dy, colour);
      if (inside) return { x, y };
    }
  return null;
};

const cellsOf = (page: Page, testId: string): Promise<string[][]> =>
  page.$$eval(`[data-testid="${testId}"] tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")),
  );

const percent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)}%`);
const changeCells = (changes: TagChange[]) =>
  changes.map((change) => [
    `#${change.hashtag}`,
    `${change.before.posts} (${percent(change.before.share)})`,
    `${change.after.posts} (${percent(change.after.share)})`,
    `${change.change > 0 ? "+" : ""}${(change.change * 100).toFixed(1)} points`,
  ]);

/** A second collection that sees 60 of the posts again, their plays and likes grown by different amounts. */
const recollect = (target: CompanionStore) => {
  const run = target.startRun(TAG, "browser");
  const collectedAt = new Date().toISOString();
  const again = [...target.postsForHashtag(TAG)].slice(0, 60).map((post, i) => ({
    ...post,
    source: { ...post.source, collectedAt },
    stats: {
      ...post.stats,
      plays: (post.stats.plays ?? 0) + 1000 * (i + 1),
      likes: (post.stats.likes ?? 0) + i,
    },
  }));
  target.upsertPosts(TAG, again, { runId: run });
  target.finishRun(run, { postsNew: 0, postsSeen: again.length });
};

const viewReady = (page: Page, view: string, timeout = 60_000) =>
  page.waitForFunction(
    (name) => document.querySelector(`.${name}`)?.getAttribute("data-state") === "ready",
    { timeout },
    view,
  );

describe("the analysis views in a real Chromium, on the background's mirror of a companion", () => {
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let store: CompanionStore;
  let server: RunningServer;
  let options: string;
  let totalPosts: number;

  beforeAll(async () => {
    dataDir = folders.make("tha-analysis-");
    seedBenchStore(dataDir, TAG, 400, 5);
    store = openSqliteStore(dataDir);
    recollect(store);
    totalPosts = [...store.postsForHashtag(TAG)].length;
    server = await startServer(store, 0, {
      version: "e2e",
      token: TOKEN,
      routers: [followsRouter(store), syncRouter(store)],
    });
    browser = await launchChromium({
      extensionDir: await buildOwnExtension(folders.make("tha-analysis-ext-")),
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    options = `chrome-extension://${await extensionId(browser)}/options.html`;
    await page.goto(`${options}?token=${TOKEN}&url=${encodeURIComponent(server.url)}`);
    await page.waitForFunction(() => document.body.textContent?.includes("Paired with the companion"), {
      timeout: 20_000,
    });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close().catch(() => undefined);
    store?.close();
    folders.cleanup();
  });

  it("draws the co-hashtag network the shared code counts, and a clicked node filters the posts table", async () => {
    await page.goto(`${options}#/hashtag/${TAG}/network`);
    // The mirror fills page by page; the view counts again as it grows.
    await page.waitForFunction(
      (total) =>
        document.querySelector(".network-view")?.getAttribute("data-state") === "ready" &&
        document
          .querySelector('[data-testid="network-nodes"] caption')
          ?.textContent?.includes(`of ${total} posts`),
      { timeout: 60_000 },
      totalPosts,
    );
    const expected = coHashtagNetwork(store.postsForHashtag(TAG), TAG, { top: 50, minWeight: 2 });
    expect((await cellsOf(page, "network-nodes")).map(([, tag, posts]) => [tag, posts])).toEqual(
      expected.nodes.map((node) => [`#${node.hashtag}`, String(node.posts)]),
    );
    expect((await cellsOf(page, "network-links")).slice(0, 5)).toEqual(
      expected.edges.slice(0, 5).map((edge) => [`#${edge.source}`, `#${edge.target}`, String(edge.weight)]),
    );

    const graph = await page.waitForSelector('.network-graph[data-drawn="true"]');
    if (!graph) throw new Error("no network graph");
    // Let sigma finish its first frame (it renders on the next animation frame).
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, "analysis-network.png"), fullPage: true });
    const before = await pixelsOf(graph);
    const node = rgb(NODE_COLOUR);
    expect(countColour(before, node)).toBeGreaterThan(300);
    const box = await graph.boundingBox();
    const target = insideNode(before, node);
    if (!box || !target) throw new Error("no node to click in the network's picture");

    // A drag moves the node and opens nothing.
    const start = { x: box.x + target.x, y: box.y + target.y };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 30, start.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
    );
    expect(await page.evaluate(() => location.hash)).toBe(`#/hashtag/${TAG}/network`);
    const after = await pixelsOf(graph);
    expect(insideNode(after, node)).not.toEqual(target);

    // A click opens the hashtag's posts, filtered to those carrying the clicked node's hashtag.
    const clickAt = insideNode(after, node);
    if (!clickAt) throw new Error("no node to click after the drag");
    // The drag ended in a DOM click; sigma takes a second click within its doubleClickTimeout (300 ms) for a
    // double click, which chooses nothing, so a person's next click comes later than that.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.mouse.click(box.x + clickAt.x, box.y + clickAt.y);
    await page.waitForFunction(() => location.hash.includes("?with="), { timeout: 10_000 });
    const chosen = decodeURIComponent((await page.evaluate(() => location.hash)).split("?with=")[1] ?? "");
    await page.waitForSelector('[data-testid="posts-table"]', { timeout: 30_000 });
    expect(
      await page.$eval(
        'xpath///label[normalize-space(text())="With hashtag"]/input',
        (input) => (input as HTMLInputElement).value,
      ),
    ).toBe(chosen);
    const carrying = expected.nodes.find((entry) => entry.hashtag === chosen)?.posts;
    await page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid="posts-table"] caption')?.textContent === `${count} posts`,
      { timeout: 20_000 },
      carrying,
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, "analysis-network-filtered.png"), fullPage: true });
    await page.goBack();
    await viewReady(page, "network-view");
  });

  it("shows the numbers the CLI's `trends --json` prints, per week and for two chosen weeks", async () => {
    const cli = async (...extra: string[]): Promise<HashtagTrends> => {
      const result = await runCli([
        "trends",
        TAG,
        "--json",
        "--period",
        "week",
        "--top",
        "5",
        ...extra,
        "--data-dir",
        dataDir,
      ]);
      expect(result.stderr).toBe("");
      return JSON.parse(result.stdout) as HashtagTrends;
    };
    const trends = await cli();
    await page.goto(`${options}#/hashtag/${TAG}/trends`);
    await page.waitForFunction(
      (dated) =>
        document.querySelector(".trends-view")?.getAttribute("data-state") === "ready" &&
        document
          .querySelector('[data-testid="trends-table"] caption')
          ?.textContent?.startsWith(`${dated} dated posts`),
      { timeout: 60_000 },
      trends.totalPosts,
    );
    expect(await cellsOf(page, "trends-table")).toEqual(
      trends.periods.map((period, i) => [
        period.start,
        String(period.posts),
        ...trends.tags.map((tag) => `${tag.counts[i]} (${percent(tag.shares[i] ?? null)})`),
      ]),
    );
    expect(trends.comparison).not.toBeNull();
    expect(await cellsOf(page, "rising")).toEqual(changeCells(trends.comparison?.rising ?? []));
    expect(await cellsOf(page, "falling")).toEqual(changeCells(trends.comparison?.falling ?? []));
    await page.screenshot({ path: join(ARTIFACTS_DIR, "analysis-trends.png"), fullPage: true });

    // The two busiest weeks, chosen in the page and on the command line.
    const [before, after] = [...trends.periods]
      .sort((a, b) => b.posts - a.posts)
      .slice(0, 2)
      .map((period) => period.start)
      .sort();
    if (!before || !after) throw new Error("fewer than two weeks of posts");
    const chosen = await cli("--before", before, "--after", after);
    await page.select('xpath///label[normalize-space(text())="Compare period"]/select', before);
    await page.select('xpath///label[normalize-space(text())="with period"]/select', after);
    await page.waitForFunction(
      (start) => document.querySelector(".changes")?.previousElementSibling?.textContent?.includes(start),
      { timeout: 20_000 },
      `${before} (`,
    );
    await viewReady(page, "trends-view");
    expect(await cellsOf(page, "rising")).toEqual(changeCells(chosen.comparison?.rising ?? []));
    expect(await cellsOf(page, "falling")).toEqual(changeCells(chosen.comparison?.falling ?? []));
  });

  it("lists the fastest-growing posts and a post's history as the CLI's `engagement --json` does, and says when the companion stops", async () => {
    const cli = async (...extra: string[]) => {
      const result = await runCli(["engagement", TAG, "--json", ...extra, "--data-dir", dataDir]);
      expect(result.stderr).toBe("");
      return JSON.parse(result.stdout) as {
        posts: { postId: string; growth: number; before: { value: number }; after: { value: number } }[];
        points: { seenAt: string; plays: number | null; likes: number | null }[];
      };
    };
    const growth = await cli();
    expect(growth.posts).toHaveLength(20);
    await page.goto(`${options}#/hashtag/${TAG}/engagement`);
    await page.waitForSelector('[data-testid="growth-table"]', { timeout: 30_000 });
    const rows = await cellsOf(page, "growth-table");
    expect(rows.map(([post, , , before, after, grown]) => [post, before, after, grown])).toEqual(
      growth.posts.map((row) => [
        `${row.postId} TikTok`,
        row.before.value.toLocaleString("en"),
        row.after.value.toLocaleString("en"),
        row.growth.toLocaleString("en"),
      ]),
    );

    const first = growth.posts[0]?.postId ?? "";
    await page.click(`xpath///a[text()="${first}"]`);
    await page.waitForSelector('[data-testid="history-table"]', { timeout: 20_000 });
    const history = await cli("--post", first);
    expect(
      (await cellsOf(page, "history-table")).map(([seen, plays, likes]) => [seen, plays, likes]),
    ).toEqual(
      history.points.map((point) => [
        `${point.seenAt.slice(0, 16).replace("T", " ")} UTC`,
        point.plays?.toLocaleString("en") ?? "–",
        point.likes?.toLocaleString("en") ?? "–",
      ]),
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, "analysis-engagement.png"), fullPage: true });

    await server.close();
    await page.goto("about:blank");
    await page.goto(`${options}#/hashtag/${TAG}/engagement`);
    await page.waitForFunction(
      () =>
        document.querySelector('[role="status"]')?.textContent?.includes("npx tiktok-hashtag-analysis start"),
      { timeout: 20_000 },
    );
  });
});
