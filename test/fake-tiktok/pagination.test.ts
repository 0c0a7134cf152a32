import type { Agent, ProxyAgent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../shared/post/parse-any.ts";
import { startFakeTikTok } from "./index.ts";
import { collectTag, directClient, fetchBytes, fetchJson, proxyClient } from "./testing/clients.ts";
import type { FakeTikTok } from "./types.ts";

const tags = { travel: 95, 東京: 35, مصر: 61, "🇩🇿": 7, food: 0, big: 301 };

describe("pagination to the end", () => {
  let fake: FakeTikTok;
  let small: FakeTikTok;
  let direct: Agent;
  let proxied: ProxyAgent;
  let smallProxied: ProxyAgent;

  beforeAll(async () => {
    [fake, small] = await Promise.all([
      startFakeTikTok({ seed: 3, tags }),
      startFakeTikTok({ seed: 3, tags, pageSize: 7 }),
    ]);
    direct = directClient(fake);
    proxied = proxyClient(fake);
    smallProxied = proxyClient(small);
  });
  afterAll(async () => {
    await Promise.all([direct.close(), proxied.close(), smallProxied.close()]);
    await Promise.all([fake.close(), small.close()]);
  });

  it("over HTTPS trusting the CA: every tag, every post, in order, then hasMore false", async () => {
    for (const { name, challengeId, postCount } of fake.corpus.tags()) {
      const { items, pages } = await collectTag(direct, fake.origin, challengeId);
      expect(items.map((item) => item.id)).toEqual(fake.corpus.posts(name).map((post) => post.id));
      expect(items).toHaveLength(postCount);
      expect(pages).toHaveLength(Math.max(1, Math.ceil(postCount / 30)));
      expect(pages.at(-1)?.hasMore).toBe(false);
    }
  });

  it("through the CONNECT proxy as www.tiktok.com and m.tiktok.com", async () => {
    const big = fake.corpus.tags().find((tag) => tag.name === "big")!;
    for (const base of ["https://www.tiktok.com", "https://m.tiktok.com"]) {
      const { items } = await collectTag(proxied, base, big.challengeId, 35);
      expect(items.map((item) => item.id)).toEqual(fake.corpus.posts("big").map((post) => post.id));
    }
    const hosts = new Set(fake.requests.map((request) => request.host));
    expect(hosts).toEqual(new Set(["127.0.0.1", "www.tiktok.com", "m.tiktok.com"]));
  });

  it("with a small page size, and a client count of fewer items, still reaching the end", async () => {
    const tag = small.corpus.tags().find((entry) => entry.name === "مصر")!;
    const byPageSize = await collectTag(smallProxied, "https://www.tiktok.com", tag.challengeId, 30);
    expect(byPageSize.pages).toHaveLength(9);
    expect(byPageSize.pages[0]?.itemList).toHaveLength(7);
    expect(byPageSize.items.map((item) => item.id)).toEqual(small.corpus.posts("مصر").map((post) => post.id));
    const byCount = await collectTag(smallProxied, "https://www.tiktok.com", tag.challengeId, 4);
    expect(byCount.pages).toHaveLength(16);
    expect(byCount.items).toHaveLength(61);
  });

  it("never sends more than 35 items, whatever count asks for", async () => {
    const big = fake.corpus.tags().find((tag) => tag.name === "big")!;
    const { json } = await fetchJson(
      direct,
      `${fake.origin}/api/challenge/item_list/?challengeID=${big.challengeId}&cursor=0&count=500`,
    );
    expect((json as { itemList: unknown[] }).itemList).toHaveLength(30);
  });

  it("answers an unknown challenge with an empty end, and describes tags by name", async () => {
    const { json } = await fetchJson(
      direct,
      `${fake.origin}/api/challenge/item_list/?challengeID=42&cursor=0&count=30`,
    );
    expect(json).toMatchObject({ statusCode: 0, hasMore: false });
    expect(json).not.toHaveProperty("itemList");
    const detail = await fetchJson(
      proxied,
      `https://www.tiktok.com/api/challenge/detail/?challengeName=${encodeURIComponent("東京")}`,
    );
    expect(detail.json).toMatchObject({
      statusCode: 0,
      challengeInfo: { challenge: { title: "東京" }, stats: { videoCount: 35 } },
    });
    const missing = await fetchJson(
      proxied,
      "https://www.tiktok.com/api/challenge/detail/?challengeName=nope",
    );
    expect(missing.json).toMatchObject({ statusCode: 10205, challengeInfo: {} });
  });

  it("serves pages whose items parse into posts of the tag", async () => {
    const tag = fake.corpus.tags().find((entry) => entry.name === "🇩🇿")!;
    const url = `${fake.origin}/api/challenge/item_list/?challengeID=${tag.challengeId}&cursor=0&count=30`;
    const { json } = await fetchJson(direct, url);
    const results = parseDocument(json, url);
    expect(results).toHaveLength(7);
    for (const result of results) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.post.hashtags).toContain("🇩🇿");
    }
  });
});

describe("determinism", () => {
  let fakes: FakeTikTok[];
  let clients: Agent[];
  beforeAll(async () => {
    fakes = await Promise.all(
      [7, 7, 8].map((seed) => startFakeTikTok({ seed, tags: { travel: 40, 東京: 12 } })),
    );
    clients = fakes.map(directClient);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  const bodies = (path: string) =>
    Promise.all(
      fakes.map(async (fake, index) => (await fetchBytes(clients[index]!, `${fake.origin}${path}`)).body),
    );

  it("gives byte-identical pages for the same seed and different ones for another seed", async () => {
    const id = fakes[0]!.corpus.tags()[0]!.challengeId;
    for (const path of [
      `/api/challenge/item_list/?challengeID=${id}&cursor=30&count=30`,
      "/api/challenge/detail/?challengeName=travel",
      `/tag/${encodeURIComponent("東京")}`,
    ]) {
      const [first, second, other] = await bodies(path);
      expect(first!.length).toBeGreaterThan(500);
      expect(second!.equals(first!)).toBe(true);
      expect(other!.equals(first!)).toBe(false);
    }
  });
});
