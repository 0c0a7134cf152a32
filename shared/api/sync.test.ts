import { describe, expect, expectTypeOf, it } from "vitest";
import type { Post } from "../post/post.ts";
import { type SlimPost, SyncPage, SyncQuery } from "./sync.ts";

const post: Omit<Post, "raw"> = {
  id: "7301234567890123456",
  description: "hello #travel",
  createTime: 1_700_000_000,
  createTimeISO: "2023-11-14T22:13:20.000Z",
  author: { id: "1", uniqueId: "a", nickname: "A", verified: false, secUid: null, followers: 3 },
  hashtags: ["travel"],
  mentions: [],
  stats: { plays: 1, likes: 2, shares: null, comments: 0, saves: null },
  video: { duration: 5, width: 1, height: 1, cover: null, playAddr: null, downloadAddr: null },
  music: { id: null, title: null, author: null, playUrl: null },
  isAd: false,
  locationCreated: null,
  images: [],
  source: { kind: "web-api", url: null, collectedAt: null },
};

describe("the sync contract", () => {
  it("describes a Post without raw, field for field", () => {
    expectTypeOf<SlimPost>().toEqualTypeOf<Omit<Post, "raw">>();
  });

  it("drops raw from a page's posts", () => {
    const page = SyncPage.parse({
      posts: [{ ...post, raw: { huge: true } }],
      links: [{ hashtag: "travel", postId: post.id }],
      videos: [],
      runs: [],
      nextCursor: "7",
      hasMore: false,
    });
    expect(page.posts[0]).toEqual(post);
  });

  it("refuses a cursor that is not a sequence number", () => {
    expect(SyncQuery.safeParse({ cursor: "abc" }).success).toBe(false);
    expect(SyncQuery.safeParse({ cursor: "-1" }).success).toBe(false);
    expect(SyncQuery.parse({})).toEqual({ cursor: "0", limit: 500 });
  });
});
