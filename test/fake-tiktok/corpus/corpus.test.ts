import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../shared/post/parse-any.ts";
import type { ItemStruct } from "../item-struct.ts";
import { createCorpus } from "./corpus.ts";
import { generatePosts } from "./generate-posts.ts";
import { challengeId } from "./ids.ts";

const videoBytes = { min: 2_000, max: 6_000 };
const tags = { travel: 120, 東京: 60, مصر: 40, "🇩🇿": 9, Food: 0 };
const corpus = createCorpus({ seed: 5, tags, videoBytes });

const hashtagsOf = (item: ItemStruct): string[] => {
  const [result] = parseDocument(item);
  if (!result?.ok) throw new Error("unparseable post");
  return result.post.hashtags;
};

describe("createCorpus", () => {
  it("lists the tags normalised, with TikTok-style challenge ids and their sizes", () => {
    expect(corpus.tags()).toEqual([
      { name: "travel", challengeId: challengeId("travel"), postCount: 120 },
      { name: "東京", challengeId: challengeId("東京"), postCount: 60 },
      { name: "مصر", challengeId: challengeId("مصر"), postCount: 40 },
      { name: "🇩🇿", challengeId: challengeId("🇩🇿"), postCount: 9 },
      { name: "food", challengeId: challengeId("food"), postCount: 0 },
    ]);
    expect(challengeId("travel")).toMatch(/^\d{4,19}$/u);
    expect(corpus.posts("TRAVEL")).toBe(corpus.posts("travel"));
    expect(corpus.posts("unknown")).toEqual([]);
  });

  it("fills each tag page with unique posts that carry the tag", () => {
    for (const { name, postCount } of corpus.tags()) {
      const posts = corpus.posts(name);
      expect(posts).toHaveLength(postCount);
      expect(new Set(posts.map((post) => post.id)).size).toBe(postCount);
      for (const post of posts) {
        expect(hashtagsOf(post)).toContain(name);
        expect(corpus.post(post.id)).toBe(post);
      }
    }
  });

  it("builds the first tag's page straight from generatePosts", () => {
    const streamed = [...generatePosts({ seed: 5, size: 120, tag: "travel" })].map((post) => post.id);
    expect(corpus.posts("travel").map((post) => post.id)).toEqual(streamed);
  });

  it("shows some posts on several tag pages, tagged for each", () => {
    const pagesOf = new Map<string, string[]>();
    for (const { name } of corpus.tags())
      for (const post of corpus.posts(name)) pagesOf.set(post.id, [...(pagesOf.get(post.id) ?? []), name]);
    const shared = [...pagesOf].filter(([, names]) => names.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const [id, names] of shared)
      expect(hashtagsOf(corpus.post(id)!)).toEqual(expect.arrayContaining(names));
  });

  it("holds plain JSON: what it returns is exactly what the API sends", () => {
    const post = corpus.posts("東京")[3]!;
    expect(JSON.parse(JSON.stringify(post))).toEqual(post);
    expect(Object.values(post)).not.toContain(undefined);
  });

  it("is deterministic from the seed", () => {
    expect(JSON.stringify(createCorpus({ seed: 5, tags, videoBytes }).posts("مصر"))).toBe(
      JSON.stringify(corpus.posts("مصر")),
    );
    expect(createCorpus({ seed: 6, tags, videoBytes }).posts("مصر")[0]?.id).not.toBe(
      corpus.posts("مصر")[0]?.id,
    );
  });

  it("serves each video's bytes: a stable size in range, an mp4 signature, consistent slices", () => {
    const video = corpus.posts("travel").find((post) => !post.imagePost)!;
    const size = corpus.videoSize(video.id);
    expect(size).toBeGreaterThanOrEqual(videoBytes.min);
    expect(size).toBeLessThanOrEqual(videoBytes.max);
    const bytes = corpus.videoBytes(video.id);
    expect(bytes).toHaveLength(size);
    expect(bytes.subarray(4, 12).toString("latin1")).toBe("ftypisom");
    expect(corpus.videoBytes(video.id, 100, 200)).toEqual(bytes.subarray(100, 200));
    expect(createCorpus({ seed: 5, tags, videoBytes }).videoBytes(video.id)).toEqual(bytes);
    corpus.videoBytes(video.id).fill(0);
    expect(corpus.videoBytes(video.id)).toEqual(bytes);
  });

  it("refuses video bytes for galleries and unknown ids", () => {
    const gallery = corpus.posts("travel").find((post) => post.imagePost !== undefined);
    expect(gallery).toBeDefined();
    expect(() => corpus.videoSize(gallery!.id)).toThrow(/image gallery and has no video/u);
    expect(() => corpus.videoSize("123")).toThrow(/no post 123 in the corpus/u);
  });

  it("names the bad option", () => {
    expect(() => createCorpus({ seed: 1, tags: { "bad tag": 3 }, videoBytes })).toThrow(
      'Invalid hashtag "bad tag": it contains whitespace (one hashtag per entry)',
    );
    expect(() => createCorpus({ seed: 1, tags: { Travel: 1, "#travel": 2 }, videoBytes })).toThrow(
      'Hashtag "#travel" is listed twice',
    );
    expect(() => createCorpus({ seed: 1, tags: { travel: -1 }, videoBytes })).toThrow(
      /whole number >= 0, got -1/u,
    );
    expect(() => createCorpus({ seed: 1, tags, videoBytes: { min: 10, max: 5 } })).toThrow(
      /videoBytes must have/u,
    );
  });

  it("serves hostileIds in place of the first tag's first ids, for clients that must refuse them", () => {
    const plain = createCorpus({ seed: 5, tags, videoBytes });
    const hostile = createCorpus({ seed: 5, tags, videoBytes, hostileIds: ["../../../../tmp/x", "/etc/x"] });
    const [first, second, third] = hostile.posts("travel");
    const realIds = plain.posts("travel").map((post) => post.id);
    expect([first?.id, second?.id, third?.id]).toEqual(["../../../../tmp/x", "/etc/x", realIds[2]]);
    expect(hostile.post("../../../../tmp/x")).toBe(first);
    // The media URLs still name the real id, so a client that let the id through would get the bytes.
    expect(hostile.post(realIds[0] as string)).toBe(first);
    expect(first?.video?.playAddr).toContain(`/${realIds[0]}/`);
    expect(() => createCorpus({ seed: 5, tags: { a: 1 }, videoBytes, hostileIds: ["x", "y"] })).toThrow(
      /hostileIds: the first tag has no post number 2/u,
    );
  });
});
