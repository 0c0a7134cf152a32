import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SyncPage } from "../../shared/api/sync.ts";
import { asciiJson } from "./change-feed.ts";
import type { CompanionStore } from "./post-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost } from "./testing/make-post.ts";

let folder: string;
let store: CompanionStore;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "change-feed-"));
  store = openSqliteStore(folder);
});

afterEach(async () => {
  store.close();
  await rm(folder, { recursive: true, force: true });
});

/** Pages until the feed is caught up, as the extension's mirror does. */
const drain = (cursor: string, limit: number): { pages: SyncPage[]; cursor: string } => {
  const pages: SyncPage[] = [];
  for (;;) {
    const page = store.engine.changes.changesSince(Number(cursor), limit);
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.hasMore) return { pages, cursor };
  }
};

const postIds = (pages: SyncPage[]) => pages.flatMap((page) => page.posts.map((post) => post.id));

describe("the change feed", () => {
  it("gives the same page as text, for the sync route to send as it is", () => {
    const runId = store.startRun("travel", "browser");
    store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] }), makePost({ id: "2" })], {
      runId,
    });
    store.linkPosts("food", ["1"]);
    for (const [cursor, limit] of [
      [0, 10],
      [0, 1],
      [1, 2],
      [99, 5],
    ] as const)
      expect(JSON.parse(store.engine.changes.changesSinceText(cursor, limit))).toEqual(
        store.engine.changes.changesSince(cursor, limit),
      );
  });

  it("gives the same page as the sync stream's lines: its head, then one post a line", () => {
    const runId = store.startRun("travel", "browser");
    store.upsertPosts(
      "travel",
      [
        { ...makePost({ id: "1", hashtags: ["travel"] }), description: "two\nlines, 東京 😀" },
        makePost({ id: "2" }),
      ],
      { runId },
    );
    for (const [cursor, limit] of [
      [0, 10],
      [0, 1],
      [1, 2],
      [99, 5],
    ] as const) {
      const { text, nextCursor, hasMore } = store.engine.changes.changesSinceLines(cursor, limit);
      const { posts, ...rest } = store.engine.changes.changesSince(cursor, limit);
      expect(text.endsWith("\n")).toBe(true);
      const [head, ...lines] = text.slice(0, -1).split("\n");
      expect(JSON.parse(head as string)).toEqual({ ...rest, posts: posts.length });
      expect(lines.map((line) => JSON.parse(line))).toEqual(posts);
      expect([nextCursor, hasMore]).toEqual([Number(rest.nextCursor), rest.hasMore]);
    }
  });

  it("writes JSON as ASCII with the same value, surrogate pairs and control escapes included", () => {
    const value = { text: '東京 é 😀 \u2028 "q" \\ \n end', κλειδί: ["ر", 1] };
    const json = JSON.stringify(value);
    const ascii = asciiJson(json);
    expect(/^[\x20-\x7e]*$/u.test(ascii)).toBe(true);
    expect(JSON.parse(ascii)).toEqual(value);
    expect(asciiJson('{"a":"b"}')).toBe('{"a":"b"}');
    expect(asciiJson(JSON.stringify("😀"))).toBe('"\\ud83d\\ude00"');
  });

  it("gives each changed post once, without raw, with all its links, media and runs", () => {
    const runId = store.startRun("travel", "browser");
    store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] }), makePost({ id: "2" })], {
      runId,
    });
    store.finishRun(runId, { postsNew: 2, postsSeen: 0 });
    store.linkPosts("food", ["1"]);
    store.recordVideo({
      postId: "1",
      hashtag: "travel",
      path: "travel/videos/1.mp4",
      size: 3,
      sha256: "x",
      downloadedAt: "2025-01-01T00:00:00.000Z",
    });
    const { pages, cursor } = drain("0", 10);
    expect(postIds(pages)).toEqual(["2", "1"]);
    expect(pages[0]?.posts[0]).not.toHaveProperty("raw");
    expect(pages[0]?.links).toEqual([
      { hashtag: "food", postId: "1" },
      { hashtag: "travel", postId: "1" },
      { hashtag: "travel", postId: "2" },
    ]);
    expect(pages[0]?.videos).toEqual([
      { postId: "1", hashtag: "travel", size: 3, downloadedAt: "2025-01-01T00:00:00.000Z" },
    ]);
    expect(pages[0]?.runs).toMatchObject([{ id: runId, hashtag: "travel", postsNew: 2 }]);
    expect(store.engine.changes.changesSince(Number(cursor), 10)).toEqual({
      posts: [],
      links: [],
      videos: [],
      runs: [],
      nextCursor: cursor,
      hasMore: false,
    });
  });

  it("gives a post again only when it changed again", () => {
    store.upsertPosts("travel", [makePost({ id: "1", likes: 1 }), makePost({ id: "2", likes: 1 })]);
    const first = drain("0", 1);
    expect(postIds(first.pages)).toEqual(["1", "2"]);
    store.upsertPosts("travel", [makePost({ id: "2", likes: 1 })]);
    expect(postIds(drain(first.cursor, 10).pages)).toEqual([]);
    store.upsertPosts("travel", [makePost({ id: "1", likes: 5, collectedAt: "2030-01-01T00:00:00Z" })]);
    const second = drain(first.cursor, 10);
    expect(postIds(second.pages)).toEqual(["1"]);
    expect(second.pages[0]?.posts[0]?.stats.likes).toBe(5);
  });

  it("misses and repeats nothing while another process writes", async () => {
    const writer = fileURLToPath(new URL("testing/write-posts.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", writer, folder, "9", "600"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    let done = false;
    void exited.then(() => {
      done = true;
    });
    const seen: string[] = [];
    let cursor = "0";
    let pagesWhileWriting = 0;
    // Small pages read while the writer commits batch after batch; one final drain after it exits.
    for (;;) {
      const finished = done;
      const result = drain(cursor, 7);
      cursor = result.cursor;
      seen.push(...postIds(result.pages));
      if (finished) break;
      if (result.pages.some((page) => page.posts.length > 0)) pagesWhileWriting++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await exited).toBe(0);
    expect(pagesWhileWriting).toBeGreaterThan(2);
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 600 }, (_, i) => `9${i}`)));
  });
});
