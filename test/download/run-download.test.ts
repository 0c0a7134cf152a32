import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dispatcher } from "undici";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProgress } from "../../companion/cli/progress.ts";
import { BrowserCollector } from "../../companion/collectors/browser/browser-collector.ts";
import { withPoliteness } from "../../companion/collectors/politeness/politeness.ts";
import { type DownloadRequest, runDownload } from "../../companion/download/run-download.ts";
import type { CompanionStore } from "../../companion/store/post-store.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { createDispatcher } from "../../companion/video/dispatcher.ts";
import { mediaPlan } from "../../companion/video/media-plan.ts";
import { FAST } from "../collectors/collect-all.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";

let fake: FakeTikTok;
let collector: BrowserCollector;
let dispatcher: Dispatcher;
let folder: string;
let store: CompanionStore;
let out: string[];
let warnings: string[];

const request = (hashtags: string[], change: Partial<DownloadRequest> = {}): DownloadRequest => ({
  hashtags,
  posts: true,
  videos: false,
  limit: 1000,
  since: null,
  proxy: null,
  concurrency: 2,
  ...change,
});

const run = (what: DownloadRequest) =>
  runDownload(what, {
    store,
    collector,
    openMediaSession: () => collector.mediaSession(),
    dispatcher,
    politeness: withPoliteness(FAST),
    out: (line) => out.push(line),
    warn: (line) => warnings.push(line),
    progress: (label, total) => createProgress(label, total, { json: true }),
    batchSize: 10,
  });

const ids = (tag: string) => fake.corpus.posts(tag).map((post) => String(post.id));

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 11, tags: { travel: 30, food: 20, news: 8 }, pageSize: 15 });
  collector = new BrowserCollector({ extraArgs: fake.chromiumArgs, politeness: FAST, settleMs: 300 });
  dispatcher = createDispatcher({ proxy: fake.proxyUrl, ca: fake.caCertificate });
});

afterAll(async () => {
  await collector.close();
  await dispatcher.close();
  await fake.close();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "run-download-"));
  store = openSqliteStore(folder);
  out = [];
  warnings = [];
  fake.clearFaults();
});

afterEach(async () => {
  store.close();
  await rm(folder, { recursive: true, force: true });
});

describe("runDownload with the browser collector", () => {
  it("collects, downloads media with the browser's session and prints the seed's lines", async () => {
    const foodOnly = ids("food").filter((id) => !ids("travel").includes(id)).length;
    const report = await run(request(["travel", "food"], { videos: true }));
    expect(warnings).toEqual([]);
    expect(out).toEqual([
      "Hashtags to scrape: ['travel', 'food']",
      "Scraped 30 posts containing the hashtag 'travel' (30 new)",
      `Scraped 20 posts containing the hashtag 'food' (${foodOnly} new)`,
      "Scraped 30 videos containing the hashtag 'travel' (30 new)",
      `Scraped ${foodOnly} videos containing the hashtag 'food' (${foodOnly} new)`,
      `Successfully scraped ${30 + foodOnly + 30 + foodOnly} total entries`,
    ]);
    expect(report.ok).toBe(true);
    expect(store.postsWithoutVideo("travel")).toEqual([]);
  });

  it("duplicates nothing when run again: same posts, links, history and media, one more run each", async () => {
    await run(request(["travel", "food"], { videos: true }));
    const before = dumpTables(folder);
    out = [];
    await run(request(["food", "travel"], { videos: true }));
    const after = dumpTables(folder);
    for (const table of ["post_stats", "post_hashtags", "post_tags", "videos"])
      expect(after[table]).toEqual(before[table]);
    expect(after.posts?.length).toBe(before.posts?.length);
    expect(after.runs?.length).toBe((before.runs?.length ?? 0) + 2);
    expect(out.slice(1, 3)).toEqual([
      "Scraped 30 posts containing the hashtag 'travel' (0 new)",
      `Scraped 20 posts containing the hashtag 'food' (0 new)`,
    ]);
    expect(out.at(-1)).toBe("Successfully scraped 0 total entries");
  });

  it("collects the least recently collected hashtags first", async () => {
    await run(request(["travel"], { limit: 5 }));
    await run(request(["food"], { limit: 5 }));
    out = [];
    await run(request(["food", "travel", "news"], { limit: 5 }));
    expect(out[0]).toBe("Hashtags to scrape: ['news', 'travel', 'food']");
    expect(store.runs().map((item) => item.hashtag)).toEqual(
      expect.arrayContaining(["news", "travel", "food"]),
    );
  });

  it("after a captcha keeps what was collected, records the error and leaves the other hashtags for later", async () => {
    fake.addFault({ path: "cursor=15", fault: { kind: "captcha" } });
    const report = await run(request(["travel", "food"]));
    expect(report.ok).toBe(false);
    expect(store.countPosts("travel")).toBe(15);
    expect(store.countPosts("food")).toBe(0);
    expect(store.runs("travel")[0]?.error).toMatch(/^TikTok showed a captcha/u);
    expect(store.runs("food")).toEqual([]);
    expect(out).toEqual([
      "Hashtags to scrape: ['travel', 'food']",
      "Scraped 15 posts containing the hashtag 'travel' (15 new)",
      expect.stringMatching(
        /^Finished with errors, 15 new entries stored; #travel: TikTok showed a captcha/u,
      ),
    ]);
    expect(warnings[1]).toBe("warning: not collecting #food this time, to let TikTok calm down");
  });

  it("when the CDN rate-limits for longer than it will wait, leaves the other hashtags' media for later", async () => {
    await run(request(["travel", "food"]));
    const [first, second] = store.leastRecentlyCollected(["travel", "food"]) as [string, string];
    out = [];
    warnings = [];
    fake.requests.length = 0;
    // Every media host: galleries come from the image and music CDNs.
    fake.addFault({
      path: "/",
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "rate-limit", retryAfter: 3600 },
    });
    const report = await run(request(["travel", "food"], { posts: false, videos: true }));
    expect(report.ok).toBe(false);
    expect(report.hashtags.map((one) => one.hashtag)).toEqual([first, second]);
    expect(report.hashtags[0]?.videos).toMatchObject({ downloaded: 0 });
    expect(report.hashtags[0]?.errors[0]).toMatch(/TikTok asks to wait 60 min before trying again/u);
    expect(report.hashtags[1]?.videos).toBeNull();
    expect(warnings.at(-1)).toBe(
      `warning: not downloading media of #${second} this time, to let TikTok calm down`,
    );
    // No more than the downloads already under way when the first 429 came back. Only the downloader's fetches
    // count: the collection pass's page may still be loading cover and gallery images (the same URLs) when this
    // pass starts, and Chromium marks its requests with Sec-Fetch headers.
    const mediaUrls = new Set(
      [first, second].flatMap((tag) =>
        store.postsWithoutVideo(tag).flatMap((post) => mediaPlan(post).flatMap((file) => file.urls)),
      ),
    );
    const mediaRequests = fake.requests.filter(
      (one) => one.headers["sec-fetch-dest"] === undefined && mediaUrls.has(`https://${one.host}${one.path}`),
    );
    expect(mediaRequests.length).toBeGreaterThan(0);
    expect(mediaRequests.length).toBeLessThanOrEqual(2);
    expect(store.postsWithoutVideo(second)).toHaveLength(ids(second).length);
  });
});
