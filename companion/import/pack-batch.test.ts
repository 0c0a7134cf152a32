import { describe, expect, it } from "vitest";
import type { PostFacts } from "../store/post-facts.ts";
import { packSlimJson } from "../store/post-row.ts";
import { packRaw, unpackRaw, unpackText } from "../store/raw-codec.ts";
import { BatchPacker } from "./pack-batch.ts";
import { unpackBatch } from "./packed-batch.ts";

const texts = (n: number, salt: string): string[] =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `7${i}${salt}`.padEnd(19, "0"), desc: `#täg ${salt} ✨ ${i}` }),
  );

const facts = (i: number): PostFacts => ({
  id: `7${i}`.padEnd(19, "1"),
  createTime: i === 0 ? null : 1_700_000_000 + i,
  observedAt: i % 2 === 0 ? null : "2024-01-02T03:04:05.000Z",
  tags: i === 0 ? [] : ["täg", `t${i}`],
  stats: { plays: i, likes: null, shares: 2 ** 40, comments: 0, saves: i === 1 ? null : 3 },
});

/** The posts packed one by one, as the import's reading thread packs a batch. */
const packBatch = (raws: string[], jsons: string[]) => {
  const packer = new BatchPacker();
  raws.forEach((raw, i) => {
    packer.add(facts(i), raw, jsons[i]!);
  });
  expect(packer.size).toBe(raws.length);
  return packer.finish("täg", "line 1 to line 9");
};

describe("BatchPacker and unpackBatch", () => {
  it("give packRaw's and packSlimJson's blobs byte for byte, in order, with each post's facts", () => {
    // Texts past the encoding buffer (256 KB) and past the batch's buffer as it grows, in UTF-8 of 1 to 4 bytes.
    const big = "é€😀x".repeat(70_000);
    const raws = [...texts(300, "a"), "", "null", "x".repeat(100_000), big, "z"];
    const jsons = [...texts(300, "b"), "{}", "", "y".repeat(100_000), "{}", big];
    const packed = packBatch(raws, jsons);
    expect(packed).toMatchObject({ hashtag: "täg", where: "line 1 to line 9" });
    const posts = unpackBatch(packed);
    expect(posts).toHaveLength(raws.length);
    posts.forEach((post, i) => {
      expect(post.raw.equals(packRaw(raws[i]!))).toBe(true);
      expect(unpackRaw(post.raw)).toBe(raws[i]);
      expect(post.json.equals(packSlimJson(jsons[i]!))).toBe(true);
      expect(unpackText(post.json)).toBe(jsons[i]);
      const { raw: _raw, json: _json, ...rest } = post;
      expect(rest).toEqual(facts(i));
    });
  });

  it("packs an empty batch and a batch of one", () => {
    expect(unpackBatch(packBatch([], []))).toEqual([]);
    const [post] = unpackBatch(packBatch(["[1]"], ['{"id":"1"}']));
    expect(post!.raw.equals(packRaw("[1]"))).toBe(true);
    expect(post!.json.equals(packSlimJson('{"id":"1"}'))).toBe(true);
  });

  it("sends its blobs in one transferable buffer, nothing copied per post", () => {
    const packed = packBatch(texts(20, "c"), texts(20, "d"));
    expect(packed.bytes).toBeInstanceOf(ArrayBuffer);
    const posts = unpackBatch(packed);
    for (const post of posts) {
      expect(post.raw.buffer).toBe(packed.bytes);
      expect(post.json.buffer).toBe(packed.bytes);
    }
  });
});
