import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { SyncPage } from "../../../shared/api/sync.ts";
import { toMirrorFollow, toMirrorPage } from "./sync-page-adapter.ts";

describe("toMirrorPage", () => {
  it("keeps every post field the wire sends, drops the run's source and the video's size", () => {
    const { raw: _raw, ...post } = makePost({ id: "12345678901234567890", hashtags: ["travel"] });
    const wire = SyncPage.parse({
      posts: [post],
      links: [{ hashtag: "travel", postId: post.id }],
      videos: [{ postId: post.id, hashtag: "travel", size: 10, downloadedAt: "2026-01-01T00:00:00Z" }],
      runs: [
        {
          id: 3,
          hashtag: "travel",
          source: "api",
          startedAt: "2026-01-01T00:00:00Z",
          finishedAt: null,
          postsNew: 1,
          postsSeen: 1,
          error: null,
        },
      ],
      nextCursor: "17",
      hasMore: false,
    });
    const page = toMirrorPage(wire);
    expect(page.posts).toEqual([post]);
    expect(page.links).toEqual([{ hashtag: "travel", postId: "12345678901234567890" }]);
    expect(page.videos).toEqual([{ postId: "12345678901234567890", hashtag: "travel" }]);
    expect(page.runs[0]).not.toHaveProperty("source");
    expect(page).toMatchObject({ nextCursor: "17", hasMore: false });
  });
});

describe("toMirrorFollow", () => {
  it("says the schedule in words, null when collected on demand", () => {
    const base = { posts: true, videos: false, limit: 1000, createdAt: "x", nextRunAt: null, lastRun: null };
    expect(toMirrorFollow({ ...base, hashtag: "travel", every: "6h" })).toEqual({
      hashtag: "travel",
      schedule: "every 6h",
    });
    expect(toMirrorFollow({ ...base, hashtag: "food", every: null })).toEqual({
      hashtag: "food",
      schedule: null,
    });
  });
});
