import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CaptureContext } from "../../shared/api/contract.ts";
import type { CompanionStore } from "./post-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost } from "./testing/make-post.ts";

const roots: string[] = [];
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

const T1 = "2024-01-01T00:00:00.000Z";
const T2 = "2024-01-02T00:00:00.000Z";
const profile: CaptureContext = { kind: "profile", value: "someone" };
const search: CaptureContext = { kind: "search", value: "cats" };

describe("posts captured outside tag pages", () => {
  let store: CompanionStore;
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), "tha-contexts-"));
    roots.push(dir);
    store = openSqliteStore(dir);
  });
  afterEach(() => store.close());

  it("stores them under their context, linked to no hashtag and counted by no hashtag", () => {
    const posts = [makePost({ id: "1", hashtags: ["travel"] }), makePost({ id: "2" })];
    expect(store.upsertCapturedPosts(profile, posts, { seenAt: T1 })).toEqual({ new: 2, seen: 0, linked: 0 });
    expect(store.getPost("1")?.hashtags).toEqual(["travel"]);
    expect(store.countPosts("travel")).toBe(0);
    expect(store.hashtags()).toEqual([]);
    expect(store.runs()).toEqual([]);
    expect([...store.postsInContext(profile)].map((post) => post.id)).toEqual(["1", "2"]);
    expect(store.captureContexts()).toEqual([
      { kind: "profile", value: "someone", posts: 2, firstSeen: T1, lastSeen: T1 },
    ]);
  });

  it("keeps one row for a post captured on a tag page and a profile, with both the link and the context", () => {
    store.upsertPosts("travel", [makePost({ id: "7", hashtags: ["travel"], likes: 1 })], { seenAt: T1 });
    const again = store.upsertCapturedPosts(
      profile,
      [makePost({ id: "7", hashtags: ["travel"], likes: 5 })],
      {
        seenAt: T2,
      },
    );
    expect(again).toEqual({ new: 0, seen: 1, linked: 0 });
    store.upsertCapturedPosts(search, [makePost({ id: "7", hashtags: ["travel"], likes: 5 })], {
      seenAt: T2,
    });
    expect(store.totalPosts()).toBe(1);
    expect(store.countPosts("travel")).toBe(1);
    expect(store.contextsOf("7")).toEqual([profile, search]);
    expect(store.statsHistory("7").map((row) => row.stats.likes)).toEqual([1, 5]);
    expect(store.getPost("7")?.stats.likes).toBe(5);
    // The per-day aggregate still counts the post once, for its hashtag only.
    expect(store.hashtagCounts("travel").totalPosts).toBe(1);
  });

  it("widens a context's first and last capture, never narrows it", () => {
    store.upsertCapturedPosts(profile, [makePost({ id: "1" })], { seenAt: T2 });
    store.upsertCapturedPosts(profile, [makePost({ id: "1" })], { seenAt: T1 });
    expect(store.captureContexts()).toEqual([
      { kind: "profile", value: "someone", posts: 1, firstSeen: T1, lastSeen: T2 },
    ]);
  });

  it("puts captured posts in the sync feed with no links, in the feed's usual shape", () => {
    store.upsertCapturedPosts({ kind: "feed", value: "" }, [makePost({ id: "9" })], { seenAt: T1 });
    const page = store.engine.changes.changesSince(0, 10);
    expect(page.posts.map((post) => post.id)).toEqual(["9"]);
    expect(page.links).toEqual([]);
    expect(Object.keys(page).sort()).toEqual(["hasMore", "links", "nextCursor", "posts", "runs", "videos"]);
  });

  it("stores nothing of a batch whose context cannot be recorded", () => {
    const bogus = { kind: "elsewhere", value: "x" } as unknown as CaptureContext;
    expect(() => store.upsertCapturedPosts(bogus, [makePost({ id: "4" })], { seenAt: T1 })).toThrow(/CHECK/u);
    expect(store.totalPosts()).toBe(0);
    expect(store.captureContexts()).toEqual([]);
  });
});
