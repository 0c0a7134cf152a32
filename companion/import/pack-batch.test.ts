import { describe, expect, it } from "vitest";
import type { PostFacts } from "../store/post-facts.ts";
import { packSlimJson } from "../store/post-row.ts";
import { packRaw, unpackRaw, unpackText } from "../store/raw-codec.ts";
import type { FilledBatch } from "./import-batches.ts";
import { packBatch } from "./pack-batch.ts";
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

const batchOf = (raws: string[], jsons: string[]): FilledBatch => ({
  hashtag: "täg",
  where: "line 1 to line 9",
  facts: raws.map((_, i) => facts(i)),
  raws,
  jsons,
});

describe("packBatch and unpackBatch", () => {
  it("give packRaw's and packSlimJson's blobs byte for byte, in order, with each post's facts", () => {
    const raws = [...texts(300, "a"), "", "null", "x".repeat(100_000)];
    const jsons = [...texts(300, "b"), "{}", "", "y".repeat(100_000)];
    const packed = packBatch(batchOf(raws, jsons));
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
    expect(unpackBatch(packBatch(batchOf([], [])))).toEqual([]);
    const [post] = unpackBatch(packBatch(batchOf(["[1]"], ['{"id":"1"}'])));
    expect(post!.raw.equals(packRaw("[1]"))).toBe(true);
    expect(post!.json.equals(packSlimJson('{"id":"1"}'))).toBe(true);
  });

  it("sends its blobs in one transferable buffer, nothing copied per post", () => {
    const packed = packBatch(batchOf(texts(20, "c"), texts(20, "d")));
    expect(packed.bytes).toBeInstanceOf(ArrayBuffer);
    const posts = unpackBatch(packed);
    for (const post of posts) {
      expect(post.raw.buffer).toBe(packed.bytes);
      expect(post.json.buffer).toBe(packed.bytes);
    }
  });
});
