import { describe, expect, it } from "vitest";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import type { SyncPage } from "../../../shared/api/sync.ts";
import { type CompanionApi, NotPairedError } from "../companion/companion-api.ts";
import { mirrorContents } from "../mirror/testing/mirror-contents.ts";
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
      syncPage: async (cursor: string | null) => {
        cursors.push(cursor);
        const page = pages.shift() as SyncPage;
        return { nextCursor: page.nextCursor, hasMore: page.hasMore, read: () => page };
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
