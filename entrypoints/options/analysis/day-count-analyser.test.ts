import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { hashtagDaysOf } from "../../common/mirror/hashtag-days.ts";
import { NO_FILTER } from "../selection/selection.ts";
import type { DashboardPost } from "./analyse-hashtag.ts";
import { createAnalyser, memoryLoader } from "./analyser.ts";
import { withDayCounts } from "./day-count-analyser.ts";

const DAY = 86_400;
const T0 = 1_735_689_600; // 2025-01-01
const posts: DashboardPost[] = [
  makePost({ id: "1", hashtags: ["travel", "food"], createTime: T0 + 10 }),
  makePost({ id: "2", hashtags: ["travel", "sea"], createTime: T0 + DAY + 10 }),
  makePost({ id: "3", hashtags: ["travel"], createTime: null }),
].map(({ raw: _raw, ...post }) => post);

describe("withDayCounts", () => {
  it("counts whole-day ranges from the day counts and any other range from the posts, with the same numbers", async () => {
    const fromPosts = createAnalyser(memoryLoader(async () => posts));
    const asked: string[] = [];
    const analyser = withDayCounts(fromPosts, async (hashtag) => {
      asked.push(hashtag);
      return hashtagDaysOf(
        posts.map((post) => ({ hashtag, createTime: post.createTime, tags: post.hashtags })),
      );
    });
    for (const range of [{}, { since: T0 + DAY, until: T0 + 2 * DAY - 1 }, { since: T0 + 5 }]) {
      const request = { selection: { hashtag: "travel", range, filter: NO_FILTER }, n: 5 };
      expect(await analyser.count(request, "v1")).toEqual(await fromPosts.count(request, "v1"));
    }
    // The third range starts mid-day: only the posts can answer it.
    expect(asked).toEqual(["travel", "travel"]);
    expect(analyser.list).toBe(fromPosts.list);
  });

  it("counts the trends of whole-day ranges from the day counts too, with the same numbers", async () => {
    const fromPosts = createAnalyser(memoryLoader(async () => posts));
    const asked: string[] = [];
    const analyser = withDayCounts(fromPosts, async (hashtag) => {
      asked.push(hashtag);
      return hashtagDaysOf(
        posts.map((post) => ({ hashtag, createTime: post.createTime, tags: post.hashtags })),
      );
    });
    for (const range of [{}, { since: T0 + DAY }, { since: T0 + 5 }]) {
      const request = { hashtag: "travel", range, period: "day" as const, top: 3 };
      expect(await analyser.trends(request, "v1")).toEqual(await fromPosts.trends(request, "v1"));
    }
    expect(asked).toEqual(["travel", "travel"]);
  });
});
