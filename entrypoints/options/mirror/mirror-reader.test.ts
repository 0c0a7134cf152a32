import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { type MirrorDb, openMirrorDb } from "../../common/mirror/mirror-db.ts";
import { storePosts } from "../../common/mirror/testing/mirror-contents.ts";
import type { DashboardPost } from "../analysis/analyse-hashtag.ts";
import type { RunRow } from "../views/dashboard-model.ts";
import { loadCountablePosts, loadHashtagPosts, readHashtagRows } from "./mirror-reader.ts";

const slim = (id: string, hashtags: string[]): DashboardPost => {
  const { raw: _raw, ...post } = makePost({ id, hashtags });
  return post;
};
const run = (id: number, hashtag: string, startedAt: string, error: string | null = null): RunRow => ({
  id,
  hashtag,
  startedAt,
  finishedAt: startedAt,
  postsNew: 1,
  postsSeen: 2,
  error,
});

let db: MirrorDb | null = null;
const openMirror = async () => {
  db = openMirrorDb(`mirror-${Math.random()}`);
  await db.open();
  return db;
};
afterEach(async () => {
  await db?.delete();
});

describe("the mirror reader", () => {
  it("loads the posts collected for a hashtag, not those that merely carry it", async () => {
    const mirror = await openMirror();
    await storePosts(mirror, [
      { id: "1", post: slim("1", ["travel", "food"]), linkTo: ["travel"] },
      { id: "2", post: slim("2", ["food"]), linkTo: ["food"] },
      { id: "3", post: slim("3", ["travel"]), linkTo: ["travel"] },
    ]);
    const travel = await loadHashtagPosts(mirror, "travel");
    expect(travel.map((post) => post.id).sort()).toEqual(["1", "3"]);
    expect((await loadHashtagPosts(mirror, "food")).map((post) => post.id)).toEqual(["2"]);
    expect(travel[0]).not.toHaveProperty("raw");
    const countable = await loadCountablePosts(mirror, "travel");
    expect(countable.map((post) => post.hashtags)).toEqual([["travel", "food"], ["travel"]]);
  });

  it("reads the newest copy of a post written again, and counts a post it only has a link of as undated", async () => {
    const mirror = await openMirror();
    await storePosts(mirror, [
      { id: "1", post: { ...slim("1", ["travel"]), createTime: 5 }, linkTo: ["travel"] },
    ]);
    await storePosts(mirror, [
      { id: "1", post: { ...slim("1", ["travel", "food"]), createTime: 6 }, linkTo: [] },
      { id: "2", linkTo: ["travel"] },
    ]);
    expect(await loadCountablePosts(mirror, "travel")).toEqual([
      { id: "1", createTime: 6, hashtags: ["travel", "food"] },
      { id: "2", createTime: null, hashtags: [] },
    ]);
    expect((await loadHashtagPosts(mirror, "travel")).map((post) => post.id)).toEqual(["1"]);
  });

  it("sums up every hashtag it knows, with its follow, counts and latest run", async () => {
    const mirror = await openMirror();
    await storePosts(mirror, [
      { id: "1", post: slim("1", ["travel"]), linkTo: ["travel"] },
      { id: "2", post: slim("2", ["food"]), linkTo: ["food"] },
      { id: "3", post: slim("3", ["travel"]), linkTo: ["travel"] },
    ]);
    await mirror.follows.bulkPut([
      { hashtag: "travel", schedule: "every 6h" },
      { hashtag: "new", schedule: null },
    ]);
    await mirror.videos.bulkPut([{ postId: "1", hashtag: "travel" }]);
    await mirror.runs.bulkPut([
      run(1, "travel", "2025-01-01T00:00:00.000Z"),
      run(2, "travel", "2025-01-02T00:00:00.000Z", "captcha"),
      run(3, "food", "2025-01-01T12:00:00.000Z"),
    ]);
    const { hashtags, runs } = await readHashtagRows(mirror);
    expect(runs.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(hashtags).toEqual([
      { hashtag: "food", followed: false, schedule: null, posts: 1, videos: 0, lastRun: runs[1] },
      { hashtag: "new", followed: true, schedule: null, posts: 0, videos: 0, lastRun: null },
      { hashtag: "travel", followed: true, schedule: "every 6h", posts: 2, videos: 1, lastRun: runs[0] },
    ]);
  });
});
