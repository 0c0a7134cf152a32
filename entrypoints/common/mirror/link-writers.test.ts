import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { itemListResponse } from "../capture/capture-fixtures.ts";
import { capturePage } from "../capture/capture-page.ts";
import { storeCaptured } from "../capture/store-captured.ts";
import { hashtagDaysOf } from "./hashtag-days.ts";
import { type MirrorDb, openMirrorDb } from "./mirror-db.ts";
import { syncMirror } from "./sync-mirror.ts";
import { dayRowsOf, mirrorContents } from "./testing/mirror-contents.ts";

let db: MirrorDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe("the mirror's writers of links", () => {
  it("passive capture and then the sync of the same posts leave the day counts equal to the links", async () => {
    db = openMirrorDb(`link-writers-${Math.random()}`);
    const tagPage = capturePage("https://www.tiktok.com/tag/travel");
    if (tagPage === null) throw new Error("not a tag page");
    const items = itemListResponse().itemList;
    await storeCaptured(
      db,
      tagPage,
      items.map((item) => ({ kind: "web-api" as const, item })),
    );
    // The companion, sent the captured posts, serves them back in its feed with their links.
    const { posts } = await mirrorContents(db);
    await syncMirror(db, async () => ({
      posts,
      links: posts.map((post) => ({ hashtag: "travel", postId: post.id })),
      runs: [],
      videos: [],
      nextCursor: "1",
      hasMore: false,
    }));
    const rows = await dayRowsOf(db);
    const byDay = (a: { day: number | string }, b: { day: number | string }) =>
      String(a.day).localeCompare(String(b.day));
    expect(rows.sort(byDay)).toEqual(hashtagDaysOf((await mirrorContents(db)).links).sort(byDay));
    expect(rows.reduce((sum, row) => sum + row.posts, 0)).toBe(items.length);
  });
});
