import "fake-indexeddb/auto";
import Dexie from "dexie";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { type HashtagDay, hashtagDaysOf } from "./hashtag-days.ts";
import { type MirrorDb, type MirrorPost, openMirrorDb } from "./mirror-db.ts";
import { type FetchPage, type MirrorPage, singleFlight, syncMirror } from "./sync-mirror.ts";
import { dayRowsOf, mirrorContents } from "./testing/mirror-contents.ts";

const slim = (id: string, hashtags: string[], createTime: number | null = 1_700_000_000): MirrorPost => {
  const { raw: _raw, ...post } = makePost({ id, hashtags, createTime });
  return post;
};

/** A companion's change log: one entry per post, each with the hashtag it was collected for. */
const changeLog = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    post: slim(String(1000 + index), ["travel", index % 2 === 0 ? "food" : "sea"], 1_700_000_000 + index),
    hashtag: "travel",
  }));

/** Serves the log in pages of `size` after the cursor, like the companion's feed; `failAt` pages fail once. */
const feed = (log: ReturnType<typeof changeLog>, size: number, failAt = new Set<number>()) => {
  const calls: Array<string | null> = [];
  const fetchPage: FetchPage = async (cursor) => {
    calls.push(cursor);
    const start = cursor === null ? 0 : Number(cursor);
    if (failAt.delete(start)) throw new Error("connection reset");
    const slice = log.slice(start, start + size);
    const page: MirrorPage = {
      posts: slice.map((entry) => entry.post),
      links: slice.map((entry) => ({ hashtag: entry.hashtag, postId: entry.post.id })),
      runs: [],
      videos: [],
      nextCursor: String(start + slice.length),
      hasMore: start + size < log.length,
    };
    return page;
  };
  return { fetchPage, calls };
};

const dbs: MirrorDb[] = [];
const open = (name: string) => {
  const db = openMirrorDb(name);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  const names = new Set(dbs.map((db) => db.name));
  for (const db of dbs.splice(0)) db.close();
  for (const name of names) await Dexie.delete(name);
});

const sortDays = (rows: HashtagDay[]) =>
  rows.sort((a, b) => a.hashtag.localeCompare(b.hashtag) || String(a.day).localeCompare(String(b.day)));
const dayRows = async (db: MirrorDb) => sortDays(await dayRowsOf(db));

describe("syncMirror", () => {
  it("mirrors every page, links carrying the post's date and tags, and stores the cursor", async () => {
    const db = open(`sync-${Math.random()}`);
    const { fetchPage } = feed(changeLog(25), 10);
    expect(await syncMirror(db, fetchPage)).toEqual({ changes: 50, cursor: "25" });
    const { posts, links } = await mirrorContents(db);
    expect(posts).toHaveLength(25);
    expect(links.filter((link) => link.hashtag === "travel")).toHaveLength(25);
    expect(links.find((link) => link.postId === "1001")).toEqual({
      hashtag: "travel",
      postId: "1001",
      createTime: 1_700_000_001,
      tags: ["travel", "sea"],
    });
    expect((await db.meta.get("syncCursor"))?.value).toBe("25");
    expect((await db.meta.get("lastSyncError"))?.value).toBeNull();
  });

  it("after a dropped connection and a browser restart, resumes from its cursor: nothing missed, nothing twice", async () => {
    const name = `sync-${Math.random()}`;
    const log = changeLog(35);
    const { fetchPage, calls } = feed(log, 10, new Set([20]));
    const first = open(name);
    await expect(syncMirror(first, fetchPage)).rejects.toThrow("connection reset");
    expect((await mirrorContents(first)).posts).toHaveLength(20);
    expect((await first.meta.get("lastSyncError"))?.value).toBe("connection reset");
    first.close();

    const restarted = open(name);
    const result = await syncMirror(restarted, fetchPage);
    expect(result.cursor).toBe("35");
    // The second run starts where the first stopped, not at the beginning.
    expect(calls).toEqual([null, "10", "20", "20", "30"]);
    const { posts, links } = await mirrorContents(restarted);
    expect(links).toHaveLength(35);
    expect(posts.map((post) => post.id)).toEqual(log.map((e) => e.post.id).sort());
  });

  it("a page delivered twice, or a post changed later, updates in place instead of adding rows", async () => {
    const db = open(`sync-${Math.random()}`);
    const post = slim("7", ["travel"]);
    const again = { ...slim("7", ["travel", "beach"]), description: "edited" };
    const pages: MirrorPage[] = [
      {
        posts: [post],
        links: [{ hashtag: "travel", postId: "7" }],
        runs: [],
        videos: [],
        nextCursor: "1",
        hasMore: true,
      },
      {
        posts: [post],
        links: [{ hashtag: "travel", postId: "7" }],
        runs: [],
        videos: [],
        nextCursor: "2",
        hasMore: true,
      },
      // Linked to a second hashtag (the feed sends the post again with every link it has), then changed.
      {
        posts: [post],
        links: [
          { hashtag: "beach", postId: "7" },
          { hashtag: "travel", postId: "7" },
        ],
        runs: [],
        videos: [],
        nextCursor: "3",
        hasMore: true,
      },
      {
        posts: [again],
        links: [
          { hashtag: "beach", postId: "7" },
          { hashtag: "travel", postId: "7" },
        ],
        runs: [],
        videos: [],
        nextCursor: "4",
        hasMore: false,
      },
    ];
    let index = 0;
    await syncMirror(db, async () => pages[index++] as MirrorPage);
    const { posts, links } = await mirrorContents(db);
    expect(posts).toEqual([again]);
    expect(links).toEqual([
      { hashtag: "beach", postId: "7", createTime: again.createTime, tags: ["travel", "beach"] },
      { hashtag: "travel", postId: "7", createTime: again.createTime, tags: ["travel", "beach"] },
    ]);
    expect(await dayRows(db)).toEqual(sortDays(hashtagDaysOf(links)));
    expect((await dayRows(db)).map((row) => [row.hashtag, row.posts, Object.fromEntries(row.tags)])).toEqual([
      ["beach", 1, { travel: 1, beach: 1 }],
      ["travel", 1, { travel: 1, beach: 1 }],
    ]);
  });

  it("keeps each hashtag's day counts equal to a count of its links, whatever the feed sends and repeats", async () => {
    const post = fc.record({
      id: fc.constantFrom("1", "2", "3", "4"),
      tags: fc.subarray(["travel", "Food", "#food", "sea", ""]),
      createTime: fc.constantFrom(null, 1_700_000_000, 1_700_050_000, 1_700_200_000),
      collectedFor: fc.subarray(["travel", "sea"], { minLength: 1 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(post, { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (pages) => {
          const db = open(`sync-days-${run++}`);
          // Links are never removed: a post sent again is sent with every hashtag it was ever collected for.
          const linked = new Map<string, Set<string>>();
          const feedPages = pages.map((page, index): MirrorPage => {
            for (const entry of page) {
              const tags = linked.get(entry.id) ?? new Set<string>();
              for (const tag of entry.collectedFor) tags.add(tag);
              linked.set(entry.id, tags);
            }
            return {
              posts: page.map((entry) => slim(entry.id, entry.tags, entry.createTime)),
              links: page.flatMap((entry) =>
                [...(linked.get(entry.id) ?? [])].map((hashtag) => ({ hashtag, postId: entry.id })),
              ),
              runs: [],
              videos: [],
              nextCursor: String(index + 1),
              hasMore: index + 1 < pages.length,
            };
          });
          let index = 0;
          await syncMirror(db, async () => feedPages[index++] as MirrorPage);
          expect(await dayRows(db)).toEqual(sortDays(hashtagDaysOf((await mirrorContents(db)).links)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("asks for the next page before checking the one it has, and stops at a page that fails its check", async () => {
    const db = open(`sync-${Math.random()}`);
    const { fetchPage } = feed(changeLog(30), 10);
    const events: string[] = [];
    const checkedLater: FetchPage = async (cursor) => {
      events.push(`fetch ${cursor}`);
      const page = (await fetchPage(cursor)) as MirrorPage;
      return {
        nextCursor: page.nextCursor,
        hasMore: page.hasMore,
        read: () => {
          events.push(`read ${cursor}`);
          if (cursor === "20") throw new Error("does not match the contract");
          return page;
        },
      };
    };
    await expect(syncMirror(db, checkedLater)).rejects.toThrow("does not match the contract");
    expect(events).toEqual(["fetch null", "fetch 10", "read null", "fetch 20", "read 10", "read 20"]);
    // The pages before it are kept, with their cursor; nothing of it.
    expect((await db.meta.get("syncCursor"))?.value).toBe("20");
    expect((await mirrorContents(db)).posts).toHaveLength(20);
    expect((await db.meta.get("lastSyncError"))?.value).toBe("does not match the contract");
  });

  it("writes a page only after the one it follows: a page whose cursor moved aborts, and the next sync resumes", async () => {
    const db = open(`sync-${Math.random()}`);
    const log = changeLog(30);
    const { fetchPage } = feed(log, 10);
    // The third page is asked for before the second is written: the first page's write is taken back then, as if
    // its commit had failed, so the second page finds the cursor it was fetched with gone.
    const losingTheFirst: FetchPage = async (cursor) => {
      if (cursor === "20") await db.meta.delete("syncCursor");
      return fetchPage(cursor);
    };
    await expect(syncMirror(db, losingTheFirst)).rejects.toThrow(
      "The mirror's sync cursor is unset, not 10 as this page expects",
    );
    expect((await db.meta.get("syncCursor"))?.value).toBeUndefined();
    expect((await mirrorContents(db)).posts.map((post) => post.id)).toEqual(
      log.slice(0, 10).map((e) => e.post.id),
    );

    expect(await syncMirror(db, fetchPage)).toEqual({ changes: 60, cursor: "30" });
    const { posts, links } = await mirrorContents(db);
    expect(posts.map((post) => post.id)).toEqual(log.map((e) => e.post.id));
    expect(links).toHaveLength(30);
    expect(await dayRows(db)).toEqual(sortDays(hashtagDaysOf(links)));
  });

  it("after a page's transaction fails, no later page is written and a resumed sync counts each post once", async () => {
    const post = fc.record({
      id: fc.constantFrom("1", "2", "3", "4", "5"),
      tags: fc.subarray(["travel", "food", "sea"]),
      createTime: fc.constantFrom(1_700_000_000, 1_700_200_000),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(post, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        async (pages, failing) => {
          const failAt = failing % pages.length;
          const db = open(`sync-fail-${run++}`);
          const pageOf = (index: number, broken: boolean): MirrorPage => ({
            posts: (pages[index] ?? []).map((entry) => slim(entry.id, entry.tags, entry.createTime)),
            links: (pages[index] ?? []).map((entry) => ({ hashtag: "travel", postId: entry.id })),
            // A run without its key fails the page's transaction after its posts were written in it.
            runs: broken ? [{ hashtag: "travel" } as MirrorPage["runs"][number]] : [],
            videos: [],
            nextCursor: String(index + 1),
            hasMore: index + 1 < pages.length,
          });
          const serve =
            (broken: boolean): FetchPage =>
            async (cursor) =>
              pageOf(
                cursor === null ? 0 : Number(cursor),
                broken && (cursor === null ? 0 : Number(cursor)) === failAt,
              );
          await expect(syncMirror(db, serve(true))).rejects.toThrow();
          expect((await db.meta.get("syncCursor"))?.value).toBe(failAt === 0 ? undefined : String(failAt));
          const before = new Set(pages.slice(0, failAt).flatMap((page) => page.map((entry) => entry.id)));
          expect((await mirrorContents(db)).posts.map((post) => post.id)).toEqual([...before].sort());

          await syncMirror(db, serve(false));
          const { posts, links } = await mirrorContents(db);
          expect(posts.map((post) => post.id)).toEqual(
            [...new Set(pages.flat().map((entry) => entry.id))].sort(),
          );
          expect(await dayRows(db)).toEqual(sortDays(hashtagDaysOf(links)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("replaces the follows when the page carries them, and keeps runs and videos by key", async () => {
    const db = open(`sync-${Math.random()}`);
    await db.follows.put({ hashtag: "old", schedule: null });
    const run = {
      id: 1,
      hashtag: "travel",
      startedAt: "2026-01-01T00:00:00Z",
      finishedAt: null,
      postsNew: 0,
      postsSeen: 0,
      error: null,
    };
    const page: MirrorPage = {
      posts: [],
      links: [],
      runs: [run, { ...run, finishedAt: "2026-01-01T00:01:00Z", postsNew: 3 }],
      videos: [{ postId: "7", hashtag: "travel" }],
      follows: [{ hashtag: "travel", schedule: "every 6h" }],
      nextCursor: "9",
      hasMore: false,
    };
    await syncMirror(db, async () => page);
    expect(await db.follows.toArray()).toEqual([{ hashtag: "travel", schedule: "every 6h" }]);
    expect(await db.runs.toArray()).toEqual([{ ...run, finishedAt: "2026-01-01T00:01:00Z", postsNew: 3 }]);
    expect(await db.videos.count()).toBe(1);
  });
});

describe("singleFlight", () => {
  it("shares a running task between callers and runs again once it is done", async () => {
    let runs = 0;
    const task = singleFlight(async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return runs;
    });
    expect(await Promise.all([task(), task()])).toEqual([1, 1]);
    expect(await task()).toBe(2);
  });
});
