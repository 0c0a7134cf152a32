import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BrowserCollector } from "../../companion/collectors/browser/browser-collector.ts";
import { CollectionError } from "../../companion/collectors/collector.ts";
import type { RetryInfo } from "../../companion/collectors/politeness/with-retries.ts";
import { CHAIN_TOKEN_COOKIE, type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { collectAll, FAST, idsOf } from "./collect-all.ts";

// One fake and one Chromium for the whole file: launching is the slow part.
let fake: FakeTikTok;
let collector: BrowserCollector;
const retries: RetryInfo[] = [];

const itemListCalls = () =>
  fake.requests
    .filter((request) => request.path.startsWith("/api/challenge/item_list/"))
    .map((request) => `${new URLSearchParams(request.path.split("?")[1]).get("cursor")}:${request.status}`);

const collect = (hashtag: string, limit: number | null = null) =>
  collectAll(collector.collect(hashtag, { limit, since: null }));

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 9, tags: { travel: 60, 東京: 12 }, pageSize: 15 });
  collector = new BrowserCollector({
    extraArgs: fake.chromiumArgs,
    politeness: FAST,
    settleMs: 300,
    onRetry: (info) => retries.push(info),
  });
});

afterAll(async () => {
  await collector.close();
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  retries.length = 0;
});

describe("browser collector against the fake", () => {
  it("scrolls a tag page to its end, reading the page's own item_list responses", async () => {
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    expect(itemListCalls()).toEqual(["0:200", "15:200", "30:200", "45:200"]);
    expect(posts.every((post) => post.source.kind === "web-api")).toBe(true);
  });

  it("reads non-Latin tags", async () => {
    const { posts, error } = await collect("東京");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("東京")));
  });

  it("stops at the limit", async () => {
    const { posts } = await collect("travel", 20);
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 20)));
    expect(itemListCalls().length).toBeLessThanOrEqual(3);
  });

  it("honours a 429's Retry-After before the page asks again", async () => {
    fake.addFault({ path: "cursor=30", fault: { kind: "rate-limit", retryAfter: 2 } });
    const started = performance.now();
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(posts).toHaveLength(60);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.waitMs).toBeGreaterThanOrEqual(2000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
    expect(itemListCalls()).toEqual(["0:200", "15:200", "30:429", "30:200", "45:200"]);
  });

  it("stops at once when Retry-After asks for longer than it will wait, keeping the posts before it", async () => {
    fake.addFault({ path: "cursor=30", fault: { kind: "rate-limit", retryAfter: 3600 } });
    const { posts, error } = await collect("travel");
    expect(error).toMatchObject({
      kind: "rate-limited",
      message: "#travel: TikTok asks to wait 60 min before trying again; run again later",
    });
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 30)));
    expect(retries).toEqual([]);
  });

  it("stops at a captcha on the API with a clear error, keeping the posts before it", async () => {
    fake.addFault({ path: "cursor=30", fault: { kind: "captcha" } });
    const { posts, error } = await collect("travel");
    expect(error).toBeInstanceOf(CollectionError);
    expect(error).toMatchObject({ kind: "captcha" });
    expect((error as Error).message).toMatch(/Run again with --headed to solve it in the browser window$/u);
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 30)));
  });

  it("stops at a captcha page instead of the tag page", async () => {
    fake.addFault({ path: "/tag/travel", fault: { kind: "captcha" } });
    const { posts, error } = await collect("travel");
    expect(posts).toEqual([]);
    expect(error).toMatchObject({ kind: "captcha" });
  });

  it("gets past a malformed JSON page", async () => {
    fake.addFault({ path: "cursor=15", fault: { kind: "malformed-json" } });
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    expect(retries.map((retry) => retry.reason)).toEqual([
      "item_list page at cursor 15: the response was not valid JSON",
    ]);
  });

  it("gets past an empty page that claims more follow", async () => {
    fake.addFault({ path: "cursor=15", fault: { kind: "empty-page" } });
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    expect(itemListCalls().filter((call) => call.startsWith("15:"))).toHaveLength(2);
  });

  it("waits for a slow page rather than giving up", async () => {
    fake.addFault({ path: "cursor=30", fault: { kind: "slow", ms: 2000 } });
    const started = performance.now();
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(posts).toHaveLength(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("says so when TikTok has no such hashtag", async () => {
    const { posts, error } = await collect("nosuchtag");
    expect(posts).toEqual([]);
    expect(error).toMatchObject({
      kind: "not-found",
      message: "TikTok has no hashtag #nosuchtag (statusCode 10205)",
    });
  });

  it("lends its session to media downloads: TikTok's cookies and a Referer", async () => {
    const session = await collector.mediaSession();
    const headers = await session.headersFor("https://v16-webapp-prime.tiktok.com/video/tos/1/play.mp4");
    expect(headers.referer).toBe("https://www.tiktok.com/");
    expect(headers.cookie).toMatch(new RegExp(`(^|; )${CHAIN_TOKEN_COOKIE}=`, "u"));
    expect(headers["user-agent"]).not.toContain("Headless");
    const post = (await collect("東京")).posts[0]!;
    const fresh = await session.refreshPost({ ...post, video: { ...post.video, downloadAddr: null } });
    expect(fresh?.id).toBe(post.id);
    expect(fresh?.video.downloadAddr ?? fresh?.images[0]).toBeTruthy();
  });
});
