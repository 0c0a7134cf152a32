import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { type HashtagDay, hashtagDaysOf, UNDATED } from "./hashtag-days.ts";
import { MIRROR_DB_VERSION, type MirrorPost, openMirrorDb } from "./mirror-db.ts";
import { readEntries } from "./post-chunks.ts";
import { dayRowsOf, mirrorContents } from "./testing/mirror-contents.ts";

const slim = (id: string, hashtags: string[], createTime: number): MirrorPost => {
  const { raw: _raw, ...post } = makePost({ id, hashtags, createTime });
  return post;
};

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

// The stores of past versions as they shipped, written out rather than taken from mirror-db.ts, which only
// declares them as upgrades; each lists what changed since the version above it.
const V1_STORES = {
  posts: "id",
  links: "[hashtag+postId], hashtag, postId",
  runs: "id, hashtag, startedAt",
  follows: "hashtag",
  videos: "postId, hashtag",
};
const V3_STORES = {
  ...V1_STORES,
  meta: "key",
  captured: "[page+postId], postId",
  captureQueue: "[hashtag+postId], queuedAt",
};
const V4_STORES = { ...V3_STORES, links: "[hashtag+postId]", hashtagDays: "[hashtag+day]" };

describe("the mirror's schema", () => {
  it("upgrades a version 1 database in place: rows kept, links gain createTime and tags, meta appears", async () => {
    const name = `mirror-upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1
      .table("posts")
      .bulkPut([slim("1", ["travel", "food"], 1_700_000_000), slim("2", ["travel"], 1_700_000_100)]);
    await v1.table("links").bulkPut([
      { hashtag: "travel", postId: "1" },
      { hashtag: "travel", postId: "2" },
      { hashtag: "food", postId: "1" },
      { hashtag: "food", postId: "3" },
    ]);
    await v1.table("follows").put({ hashtag: "travel", schedule: "every 6h" });
    v1.close();

    const db = openMirrorDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(MIRROR_DB_VERSION);
    const { posts, links } = await mirrorContents(db);
    expect(posts).toHaveLength(2);
    expect(await db.follows.toArray()).toEqual([{ hashtag: "travel", schedule: "every 6h" }]);
    expect(links.filter((link) => link.hashtag === "food")).toEqual([
      { hashtag: "food", postId: "1", createTime: 1_700_000_000, tags: ["travel", "food"] },
      // Its post never reached the mirror: counted as a post without hashtags or date, not dropped.
      { hashtag: "food", postId: "3", createTime: null, tags: [] },
    ]);
    await db.meta.put({ key: "syncCursor", value: "42" });
    expect(await db.meta.get("syncCursor")).toEqual({ key: "syncCursor", value: "42" });
  });

  it("upgrades a version 3 database: each hashtag's day counts built from its links", async () => {
    const name = `mirror-upgrade-v3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    const day = 1_700_006_400; // 2023-11-15T00:00:00Z
    await v3.table("links").bulkPut([
      { hashtag: "travel", postId: "1", createTime: day + 5, tags: ["travel", "Food"] },
      { hashtag: "travel", postId: "2", createTime: day + 80_000, tags: ["travel", "#food", "food"] },
      { hashtag: "travel", postId: "3", createTime: day + 86_400, tags: ["travel"] },
      { hashtag: "travel", postId: "4", createTime: null, tags: [] },
      { hashtag: "food", postId: "1", createTime: day + 5, tags: ["travel", "Food"] },
    ]);
    v3.close();

    const db = openMirrorDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(MIRROR_DB_VERSION);
    expect((await mirrorContents(db)).links).toHaveLength(5);
    const rows = (await dayRowsOf(db)).map((row) => ({
      ...row,
      tags: Object.fromEntries(row.tags),
    }));
    expect(rows).toEqual([
      { hashtag: "food", day: 19_676, posts: 1, tags: { travel: 1, food: 1 } },
      { hashtag: "travel", day: 19_676, posts: 2, tags: { travel: 2, food: 2 } },
      { hashtag: "travel", day: 19_677, posts: 1, tags: { travel: 1 } },
      { hashtag: "travel", day: UNDATED, posts: 1, tags: {} },
    ]);
  });

  it("upgrades a version 4 database: posts and links become chunks, day counts and other tables untouched", async () => {
    const name = `mirror-upgrade-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    const day = 1_700_006_400;
    const posts = Array.from({ length: 2500 }, (_, index) =>
      slim(String(10_000 + index), ["travel", index % 3 === 0 ? "food" : "sea"], day + index * 600),
    );
    const links = [
      ...posts.map((post) => ({
        hashtag: "travel",
        postId: post.id,
        createTime: post.createTime,
        tags: post.hashtags,
      })),
      ...posts.slice(0, 10).map((post) => ({
        hashtag: "food",
        postId: post.id,
        createTime: post.createTime,
        tags: post.hashtags,
      })),
      // A link whose post never arrived: kept, counted undated as version 4 counted it.
      { hashtag: "food", postId: "99", createTime: null, tags: [] },
    ];
    const days = hashtagDaysOf(links);
    await v4.table("posts").bulkPut(posts);
    await v4.table("links").bulkPut(links);
    await v4.table("hashtagDays").bulkPut(days);
    await v4.table("meta").put({ key: "syncCursor", value: "2511" });
    v4.close();

    const db = openMirrorDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(MIRROR_DB_VERSION);
    expect(await db.chunks.count()).toBe(3);
    expect((await db.chunks.toArray()).map((chunk) => typeof chunk.entries)).toEqual([
      "string",
      "string",
      "string",
    ]);
    const held = await mirrorContents(db);
    const byPost = (a: { hashtag: string; postId: string }, b: { hashtag: string; postId: string }) =>
      a.hashtag.localeCompare(b.hashtag) || a.postId.localeCompare(b.postId);
    expect(held.posts).toEqual(posts);
    expect(held.links.sort(byPost)).toEqual([...links].sort(byPost));
    const byDay = (a: HashtagDay, b: HashtagDay) =>
      a.hashtag.localeCompare(b.hashtag) || String(a.day).localeCompare(String(b.day));
    expect((await dayRowsOf(db)).sort(byDay)).toEqual(days.sort(byDay));
    expect((await db.meta.get("syncCursor"))?.value).toBe("2511");
    // The chunks' ids are where writers look posts up: a post written again supersedes its upgraded copy.
    expect((await readEntries(db, ["10001", "10020", "99", "nope"])).map((entry) => entry?.linkedTo)).toEqual(
      [["food", "travel"], ["travel"], ["food"], undefined],
    );
  });

  it("opens a fresh database at the current version", async () => {
    const db = openMirrorDb(`mirror-fresh-${Math.random()}`);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(MIRROR_DB_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      "captureQueue",
      "captured",
      "chunkIds",
      "chunks",
      "dayCounts",
      "follows",
      "meta",
      "runs",
      "videos",
    ]);
  });
});
