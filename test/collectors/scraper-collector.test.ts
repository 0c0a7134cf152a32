import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CollectionError, type Collector } from "../../companion/collectors/collector.ts";
import type { RetryInfo } from "../../companion/collectors/politeness/with-retries.ts";
import { createScraperCollector } from "../../companion/collectors/scraper/scraper-collector.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";
import { collectAll, FAST, idsOf } from "./collect-all.ts";

let fake: FakeTikTok;
let collector: Collector;
const retries: RetryInfo[] = [];

const itemListCursors = () =>
  fake.requests
    .filter(
      (request) => request.host === "m.tiktok.com" && request.path.startsWith("/api/challenge/item_list/"),
    )
    .map((request) => `${new URLSearchParams(request.path.split("?")[1]).get("cursor")}:${request.status}`);

const collect = (hashtag: string, limit: number | null = null, since: number | null = null) =>
  collectAll(collector.collect(hashtag, { limit, since }));

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 5, tags: { travel: 70, food: 12 }, pageSize: 30 });
  // tiktok-scraper's request library cannot be handed a CA, so only here TLS checks are relaxed (the CLI tests
  // trust the fake's certificate through NODE_EXTRA_CA_CERTS instead).
  collector = createScraperCollector({
    proxy: fake.proxyUrl,
    insecureTls: true,
    politeness: FAST,
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

describe("scraper collector against the fake", () => {
  it("collects a whole tag through the proxy, page by page, as tiktok-scraper items", async () => {
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    expect(itemListCursors()).toEqual(["0:200", "30:200", "60:200"]);
    expect(posts.every((post) => post.source.kind === "tiktok-scraper")).toBe(true);
    const expected = fake.corpus.posts("travel")[0] as { desc: string; author: { uniqueId: string } };
    expect(posts[0]?.description).toBe(expected.desc);
    expect(posts[0]?.author.uniqueId).toBe(expected.author.uniqueId);
  });

  it("stops at the limit without asking for more pages", async () => {
    const { posts } = await collect("travel", 40);
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 40)));
    expect(itemListCursors()).toEqual(["0:200", "30:200"]);
  });

  it("keeps only posts created since the given time", async () => {
    const times = fake.corpus.posts("travel").map((post) => Number(post.createTime));
    const since = [...times].sort((a, b) => a - b)[35] as number;
    const { posts } = await collect("travel", null, since);
    expect(posts.length).toBe(times.filter((time) => time >= since).length);
    expect(posts.every((post) => (post.createTime ?? 0) >= since)).toBe(true);
  });

  it("waits out a 429's Retry-After and then completes", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "rate-limit", retryAfter: 2 } });
    const started = performance.now();
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
    expect(retries.map((retry) => retry.waitMs)).toEqual([2000]);
    expect(posts).toHaveLength(70);
    expect(itemListCursors()).toEqual(["0:200", "30:429", "30:200", "60:200"]);
  });

  it("gives up after repeated 429s with a clear error, keeping the posts before", async () => {
    fake.addFault({
      host: "m.tiktok.com",
      path: "cursor=30",
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "rate-limit", retryAfter: 0 },
    });
    const { posts, error } = await collect("travel");
    expect(error).toBeInstanceOf(CollectionError);
    expect(error).toMatchObject({ kind: "rate-limited" });
    expect((error as Error).message).toBe(
      "item_list page at cursor 30 of #travel: answered 429 Too Many Requests; gave up after 4 tries",
    );
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 30)));
  });

  it("stops at a captcha with a clear error, keeping the posts before it", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "captcha" } });
    const { posts, error } = await collect("travel");
    expect(error).toMatchObject({ kind: "captcha" });
    expect((error as Error).message).toMatch(
      /^TikTok showed a captcha \("verify"\) while collecting #travel; everything/u,
    );
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel").slice(0, 30)));
  });

  it("retries a malformed JSON page", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "malformed-json" } });
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(posts).toHaveLength(70);
    expect(itemListCursors()).toEqual(["0:200", "30:200", "30:200", "60:200"]);
  });

  it("asks again when a page is empty but claims more follow, instead of skipping it", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "empty-page" } });
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(idsOf(posts)).toEqual(idsOf(fake.corpus.posts("travel")));
    expect(itemListCursors()).toEqual(["0:200", "30:200", "30:200", "60:200"]);
  });

  it("waits for a slow page", async () => {
    fake.addFault({ host: "m.tiktok.com", path: "cursor=30", fault: { kind: "slow", ms: 1500 } });
    const started = performance.now();
    const { posts, error } = await collect("travel");
    expect(error).toBeNull();
    expect(posts).toHaveLength(70);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it("says so when TikTok has no such hashtag", async () => {
    const { posts, error } = await collect("nosuchtag");
    expect(posts).toEqual([]);
    expect(error).toMatchObject({
      kind: "not-found",
      message: "TikTok has no hashtag #nosuchtag (statusCode 10205)",
    });
  });
});
