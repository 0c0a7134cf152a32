import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import type { SyncPage } from "../../../shared/api/sync.ts";
import { type CompanionApi, NotPairedError } from "../companion/companion-api.ts";
import { openMirrorDb } from "../mirror/mirror-db.ts";
import { dayRowsOf, mirrorContents } from "../mirror/testing/mirror-contents.ts";
import { throwawayMirrors } from "../mirror/testing/throwaway-mirrors.ts";
import { createMirrorSync } from "./mirror-sync.ts";

const freshDb = throwawayMirrors("mirror-sync");

const follow = {
  every: "6h",
  posts: true,
  videos: false,
  limit: 1000,
  createdAt: "x",
  nextRunAt: null,
  lastRun: null,
};

describe("createMirrorSync", () => {
  it("mirrors the follows and every page of the feed from the stored cursor", async () => {
    const db = freshDb();
    await db.meta.put({ key: "syncCursor", value: "5" });
    const { raw: _raw, ...post } = makePost({ id: "11", hashtags: ["travel"] });
    const pages: SyncPage[] = [
      {
        posts: [post],
        links: [{ hashtag: "travel", postId: "11" }],
        videos: [],
        runs: [],
        nextCursor: "6",
        hasMore: true,
      },
      { posts: [], links: [], videos: [], runs: [], nextCursor: "6", hasMore: false },
    ];
    const cursors: Array<string | null> = [];
    const api = {
      follows: async () => ({ follows: [{ ...follow, hashtag: "travel" }] }),
      // The companion ends this stream after the first page, so the sync opens a second one at its cursor.
      syncStream: async function* (cursor: string | null) {
        cursors.push(cursor);
        const page = pages.shift() as SyncPage;
        const postTexts = page.posts.map((each) => JSON.stringify(each));
        yield { nextCursor: page.nextCursor, hasMore: page.hasMore, read: () => ({ page, postTexts }) };
      },
    } as unknown as CompanionApi;
    const sync = createMirrorSync(db, {
      readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token: "t" }),
      makeApi: () => api,
    });
    expect(await sync()).toEqual({ changes: 2, cursor: "6" });
    expect(cursors).toEqual(["5", "6"]);
    expect(await db.follows.toArray()).toEqual([{ hashtag: "travel", schedule: "every 6h" }]);
    expect((await mirrorContents(db)).links.find((link) => link.postId === "11")).toMatchObject({
      hashtag: "travel",
      tags: ["travel"],
    });
  });

  it("reads consecutive pages from one stream; a stream dropped mid page resumes at the last whole page", async () => {
    const db = freshDb();
    const log = Array.from({ length: 7 }, (_, index) => {
      const { raw: _raw, ...post } = makePost({ id: String(100 + index), hashtags: ["travel"] });
      return post;
    });
    /** Pages of two posts after `cursor`; the first stream drops after `dropAfter` whole pages. */
    let dropAfter: number | null = 2;
    const opened: Array<string | null> = [];
    const api = {
      follows: async () => ({ follows: [] }),
      syncStream: async function* (cursor: string | null) {
        opened.push(cursor);
        for (let start = Number(cursor ?? "0"), sent = 0; ; start += 2, sent += 1) {
          if (sent === dropAfter) {
            dropAfter = null;
            throw new TypeError("network error");
          }
          const posts = log.slice(start, start + 2);
          const page: SyncPage = {
            posts,
            links: posts.map((post) => ({ hashtag: "travel", postId: post.id })),
            videos: [],
            runs: [],
            nextCursor: String(start + posts.length),
            hasMore: start + 2 < log.length,
          };
          const postTexts = posts.map((post) => JSON.stringify(post));
          yield { nextCursor: page.nextCursor, hasMore: page.hasMore, read: () => ({ page, postTexts }) };
          if (!page.hasMore) return;
        }
      },
    } as unknown as CompanionApi;
    const access = {
      readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token: "t" }),
      makeApi: () => api,
    };
    await expect(createMirrorSync(db, access)()).rejects.toThrow("network error");
    expect((await db.meta.get("syncCursor"))?.value).toBe("4");
    expect((await mirrorContents(db)).posts.map((post) => post.id)).toEqual(["100", "101", "102", "103"]);
    db.close();

    // The browser restarted: a new connection to the same mirror.
    const restarted = openMirrorDb(db.name);
    try {
      expect(await createMirrorSync(restarted, access)()).toEqual({ changes: 6, cursor: "7" });
      // One stream each time: the first from the start, the second from the last whole page.
      expect(opened).toEqual([null, "4"]);
      const { posts, links } = await mirrorContents(restarted);
      expect(posts.map((post) => post.id)).toEqual(log.map((post) => post.id));
      expect(links).toHaveLength(7);
      expect((await dayRowsOf(restarted)).reduce((sum, row) => sum + row.posts, 0)).toBe(7);
    } finally {
      restarted.close();
    }
  });

  it("does not call the companion before pairing", async () => {
    const db = freshDb();
    const sync = createMirrorSync(db, {
      readSettings: async () => ({ baseUrl: "http://127.0.0.1:1", token: null }),
      makeApi: () => {
        throw new Error("called");
      },
    });
    await expect(sync()).rejects.toBeInstanceOf(NotPairedError);
  });
});
