import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { hashtagDaysOf } from "./hashtag-days.ts";
import { type MirrorDb, type MirrorLink, openMirrorDb } from "./mirror-db.ts";
import { putLinks } from "./put-links.ts";

const T0 = 1_735_689_600; // 2025-01-01
let db: MirrorDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe("putLinks", () => {
  it("keeps the day counts equal to a count of the links when a writer stores links another stored before", async () => {
    db = openMirrorDb(`put-links-${Math.random()}`);
    const captured: MirrorLink[] = [
      { hashtag: "travel", postId: "1", createTime: T0, tags: ["travel", "food"] },
      { hashtag: "travel", postId: "2", createTime: null, tags: ["travel"] },
    ];
    // The sync later brings the same posts, one of them edited and moved to another day, and a new one.
    const synced: MirrorLink[] = [
      { hashtag: "travel", postId: "1", createTime: T0 + 86_400, tags: ["travel", "sea"] },
      { hashtag: "travel", postId: "2", createTime: null, tags: ["travel"] },
      { hashtag: "travel", postId: "3", createTime: T0, tags: ["Travel", "#food"] },
      { hashtag: "travel", postId: "3", createTime: T0, tags: ["Travel", "#food"] },
    ];
    for (const links of [captured, synced])
      await db.transaction("rw", [db.links, db.hashtagDays], () => putLinks(db, links));
    const rows = await db.hashtagDays.toArray();
    const byDay = (a: { day: number | string }, b: { day: number | string }) =>
      String(a.day).localeCompare(String(b.day));
    expect(rows.sort(byDay)).toEqual(hashtagDaysOf(await db.links.toArray()).sort(byDay));
    expect(rows.map((row) => [row.day, row.posts, Object.fromEntries(row.tags)])).toEqual([
      [20_089, 1, { travel: 1, food: 1 }],
      [20_090, 1, { travel: 1, sea: 1 }],
      ["undated", 1, { travel: 1 }],
    ]);
  });

  it("is refused in a transaction that cannot write the day counts", async () => {
    db = openMirrorDb(`put-links-${Math.random()}`);
    const link = { hashtag: "travel", postId: "1", createTime: T0, tags: [] };
    await expect(db.transaction("rw", [db.links], () => putLinks(db, [link]))).rejects.toThrow(
      /could not be found|not part of transaction/,
    );
    expect(await db.links.count()).toBe(0);
  });
});
