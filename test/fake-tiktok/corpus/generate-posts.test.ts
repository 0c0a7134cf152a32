import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { parseHashtag } from "../../../shared/hashtag/hashtag.ts";
import { parseDocument } from "../../../shared/post/parse-any.ts";
import type { Post } from "../../../shared/post/post.ts";
import type { ItemStruct } from "../item-struct.ts";
import { generatePosts } from "./generate-posts.ts";
import { createTimeOfId } from "./ids.ts";
import { longTailHashtags, REFERENCE_NOW } from "./item-builder.ts";
import { HASHTAGS_BY_POPULARITY } from "./vocabulary.ts";

const take = (seed: number, size: number, tag?: string): ItemStruct[] => [
  ...generatePosts({ seed, size, ...(tag === undefined ? {} : { tag }) }),
];
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const parsed = (items: ItemStruct[]): Post[] =>
  parseDocument(wire({ itemList: items })).map((result) => {
    if (!result.ok) throw new Error(result.reason);
    return result.post;
  });

describe("generatePosts", () => {
  const sample = take(1, 5000, "travel");
  const posts = parsed(sample);

  it("is deterministic: same seed and size, same posts; a larger size starts with the same posts", () => {
    expect(JSON.stringify(take(1, 300, "travel"))).toBe(JSON.stringify(sample.slice(0, 300)));
    expect(JSON.stringify(take(1, 100, "travel"))).toBe(JSON.stringify(sample.slice(0, 100)));
  });

  it("differs with the seed and with the tag", () => {
    const other = take(2, 50, "travel");
    expect(other.map((item) => item.id)).not.toEqual(sample.slice(0, 50).map((item) => item.id));
    expect(other[0]?.desc).not.toBe(sample[0]?.desc);
    expect(take(1, 50, "food").map((item) => item.id)).not.toEqual(
      sample.slice(0, 50).map((item) => item.id),
    );
  });

  it("gives unique 19-digit ids that encode the creation time, as TikTok's do", () => {
    const ids = sample.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of sample) {
      expect(item.id).toMatch(/^\d{19}$/u);
      expect(createTimeOfId(item.id)).toBe(Number(item.createTime));
    }
  });

  it("parses with shared/post into full posts that all carry the tag", () => {
    expect(posts).toHaveLength(5000);
    for (const post of posts) {
      expect(post.hashtags).toContain("travel");
      expect(post.author.uniqueId).toMatch(/^[a-z0-9._]+$/u);
      expect(post.author.followers).toBeGreaterThan(0);
      expect(post.stats.plays).toBeGreaterThanOrEqual(100);
      expect(post.stats.likes).not.toBeNull();
      expect(post.stats.saves).not.toBeNull();
      expect(post.createTime).toBeLessThan(REFERENCE_NOW);
      expect(post.createTimeISO).toMatch(/^20(1[89]|2[0-5])-/u);
      if (post.images.length === 0) expect(post.video.downloadAddr).toContain(`/video/tos/${post.id}/`);
      else expect(post.video.playAddr).toBeNull();
    }
  });

  it("includes every edge case clients must survive", () => {
    const count = (predicate: (item: ItemStruct, post: Post) => boolean) =>
      sample.filter((item, index) => predicate(item, posts[index]!)).length;
    const between = (n: number, low: number, high: number) => {
      expect(n).toBeGreaterThanOrEqual(low);
      expect(n).toBeLessThanOrEqual(high);
    };
    between(
      count((item) => item.imagePost !== undefined),
      200,
      400,
    ); // 6% galleries
    between(
      count((_, post) => post.images.length >= 2 && post.music.playUrl !== null),
      180,
      400,
    );
    between(
      count((_, post) => post.isAd),
      70,
      200,
    );
    between(
      count((item) => item.textExtra === undefined),
      280,
      520,
    );
    between(
      count((item) => item.challenges === undefined),
      100,
      300,
    );
    between(
      count((item) => typeof item.createTime === "string"),
      90,
      230,
    );
    between(
      count((item) => Number(item.createTime) < 1_609_459_200),
      300,
      520,
    ); // before 2021
    between(
      count((item) => item.stats.shareCount === undefined),
      200,
      420,
    );
    between(
      count((item) => item.music === null),
      50,
      160,
    );
    between(
      count((item) => item.desc === ""),
      50,
      160,
    );
    between(
      count((_, post) => post.mentions.length > 0),
      700,
      1300,
    );
    between(
      count((item) => item.author.nickname === ""),
      10,
      120,
    );
    expect(
      count((_, post) => post.hashtags.some((tag) => /[^\p{Script=Latin}\d_]/u.test(tag))),
    ).toBeGreaterThan(500);
  });

  it("draws co-hashtags Zipf-like: frequency falls with popularity rank", () => {
    const frequency = new Map<string, number>();
    for (const post of posts)
      for (const tag of post.hashtags) frequency.set(tag, (frequency.get(tag) ?? 0) + 1);
    const at = (rank: number) => frequency.get(HASHTAGS_BY_POPULARITY[rank]!) ?? 0;
    expect(at(0)).toBeGreaterThan(at(9));
    expect(at(9)).toBeGreaterThan(at(60));
    // 1/rank: the top tag is roughly ten times as common as the tenth.
    expect(at(0) / at(9)).toBeGreaterThan(4);
    expect(at(0) / at(9)).toBeLessThan(25);
    expect(frequency.size).toBeGreaterThan(80);
  });

  it("without a tag streams a general feed", () => {
    const feed = parsed(take(3, 200));
    expect(feed.filter((post) => post.hashtags.length === 0).length).toBeGreaterThan(10);
  });

  it("rejects a size or seed it cannot honour", () => {
    expect(() => take(1, -1)).toThrow(/size must be an integer from 0/u);
    expect(() => take(1.5, 1)).toThrow(/seed must be an integer/u);
    expect(() => take(1, 5_000_000)).toThrow(/size must be an integer/u);
  });

  it("streams 100k posts without holding them", () => {
    // Heap is sampled after a full collection, so the peak is what the generator really retains.
    v8.setFlagsFromString("--expose-gc");
    const collectGarbage = vm.runInNewContext("gc") as () => void;
    const heapUsed = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const baseline = heapUsed();
    let peak = baseline;
    let bytes = 0;
    const started = performance.now();
    let index = 0;
    for (const item of generatePosts({ seed: 9, size: 100_000, tag: "benchmark" })) {
      bytes += item.desc.length;
      if (++index % 25_000 === 0) peak = Math.max(peak, heapUsed());
    }
    const seconds = (performance.now() - started) / 1000;
    const peakMb = (peak - baseline) / 1e6;
    console.info(`generatePosts 100k: ${seconds.toFixed(2)} s, retained heap peak +${peakMb.toFixed(1)} MB`);
    expect(index).toBe(100_000);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Holding 100k posts would take several hundred MB; the creator cache is bounded at ~40 MB.
    expect(peakMb).toBeLessThan(100);
    // Loose on purpose: it catches a pathological slowdown, not a busy CI machine.
    expect(seconds).toBeLessThan(60);
  });
});

describe("hashtag vocabulary", () => {
  it("is normalised and valid for the product's hashtag rules", () => {
    for (const name of HASHTAGS_BY_POPULARITY)
      expect(parseHashtag(name)).toEqual({ ok: true, hashtag: name });
    expect(new Set(HASHTAGS_BY_POPULARITY).size).toBe(HASHTAGS_BY_POPULARITY.length);
  });
});

describe("long-tail corpus", () => {
  it("draws from tens of thousands of valid hashtags, most of them rare, the default corpus unchanged", () => {
    const vocabulary = longTailHashtags(50_000);
    expect(new Set(vocabulary).size).toBe(50_000);
    for (const name of vocabulary.slice(0, 300))
      expect(parseHashtag(name)).toEqual({ ok: true, hashtag: name });
    const items = [...generatePosts({ seed: 1, size: 8000, tag: "travel", vocabulary: 50_000 })];
    const counts = new Map<string, number>();
    for (const post of parsed(items))
      for (const tag of post.hashtags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    expect(counts.size).toBeGreaterThan(3000);
    expect([...counts.values()].filter((n) => n <= 2).length).toBeGreaterThan(counts.size / 2);
    expect(items.map((item) => item.id)).toEqual(take(1, 8000, "travel").map((item) => item.id));
  });
});
