import { describe, expect, expectTypeOf, it } from "vitest";
import type { Post } from "../post/post.ts";
import { type SlimPost, SyncPage, SyncQuery } from "./sync.ts";
import { slimPost } from "./testing/slim-post.ts";

const post: Omit<Post, "raw"> = slimPost("7301234567890123456", "hello #travel");

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
