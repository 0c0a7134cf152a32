import { describe, expect, it } from "vitest";
import { mergePost } from "./merge-post.ts";
import { makePost } from "./testing/make-post.ts";

describe("mergePost", () => {
  it("takes the newer post's values and source", () => {
    const older = makePost({ id: "1", likes: 1, hashtags: ["a"], collectedAt: "2024-01-01T00:00:00.000Z" });
    const newer = makePost({ id: "1", likes: 9, hashtags: ["b"], collectedAt: "2024-02-01T00:00:00.000Z" });
    const merged = mergePost(older, newer);
    expect(merged.stats.likes).toBe(9);
    expect(merged.hashtags).toEqual(["b"]);
    expect(merged.source).toEqual(newer.source);
    expect(merged.raw).toBe(newer.raw);
  });

  it("keeps what the newer post does not know", () => {
    const older = makePost({ id: "1", hashtags: ["a"], desc: "hello" });
    older.stats.saves = 4;
    older.author.followers = 100;
    older.locationCreated = "EG";
    older.images = ["https://img/1.jpeg"];
    const newer = makePost({ id: "1", hashtags: [], desc: "", createTime: null });
    newer.author.nickname = null;
    const merged = mergePost(older, newer);
    expect(merged).toMatchObject({
      description: "hello",
      createTime: older.createTime,
      createTimeISO: older.createTimeISO,
      hashtags: ["a"],
      locationCreated: "EG",
      images: ["https://img/1.jpeg"],
      stats: { saves: 4, likes: newer.stats.likes },
      author: { followers: 100, nickname: "Someone" },
    });
  });
});
