import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import { migrate } from "./migrate.ts";
import { databasePath } from "./paths.ts";
import type { CompanionStore } from "./post-store.ts";
import { MIGRATIONS } from "./schema.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { dumpTables } from "./testing/dump-tables.ts";
import { makePost } from "./testing/make-post.ts";
import { tempDirs } from "./testing/temp-dirs.ts";

const tempDir = tempDirs("tha-store-");

const T1 = "2024-01-01T00:00:00.000Z";
const T2 = "2024-01-02T00:00:00.000Z";
const T0 = "2023-12-31T00:00:00.000Z";

describe("SQLite store", () => {
  let dir: string;
  let store: CompanionStore;
  beforeEach(() => {
    dir = tempDir();
    store = openSqliteStore(dir);
  });
  afterEach(() => store.close());

  it("creates data/tiktok.db in WAL mode at the latest schema version", () => {
    expect(store.schemaVersion()).toBe(MIGRATIONS.length);
    const db = new Database(databasePath(dir), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("upserts by id, counts new and seen, and links posts to the hashtag", () => {
    const first = store.upsertPosts("travel", [makePost({ id: "1" }), makePost({ id: "2" })], { seenAt: T1 });
    expect(first).toEqual({ new: 2, seen: 0, linked: 2 });
    const second = store.upsertPosts("travel", [makePost({ id: "2" }), makePost({ id: "3" })], {
      seenAt: T1,
    });
    expect(second).toEqual({ new: 1, seen: 1, linked: 1 });
    expect(store.countPosts("travel")).toBe(3);
    expect(store.totalPosts()).toBe(3);
    const linkedElsewhere = store.upsertPosts("cairo", [makePost({ id: "1" })], { seenAt: T1 });
    expect(linkedElsewhere).toEqual({ new: 0, seen: 1, linked: 1 });
    expect(store.countPosts("cairo")).toBe(1);
    expect(store.getPost("1")).toEqual(makePost({ id: "1" }));
    expect(store.getPost("nope")).toBeUndefined();
  });

  it("keeps the latest stats and earlier ones as history, and never loses first-seen", () => {
    store.upsertPosts("travel", [makePost({ id: "1", likes: 10 })], { seenAt: T1 });
    store.upsertPosts("travel", [makePost({ id: "1", likes: 20 })], { seenAt: T2 });
    expect(store.getPost("1")?.stats.likes).toBe(20);
    expect(store.statsHistory("1").map((row) => [row.seenAt, row.stats.likes])).toEqual([
      [T1, 10],
      [T2, 20],
    ]);
    expect(store.postTimes("1")).toEqual({ firstSeen: T1, lastSeen: T2 });

    // An older observation arriving late is history, not the current value.
    store.upsertPosts("travel", [makePost({ id: "1", likes: 5 })], { seenAt: T0 });
    expect(store.getPost("1")?.stats.likes).toBe(20);
    expect(store.statsHistory("1").map((row) => row.stats.likes)).toEqual([5, 10, 20]);
    expect(store.postTimes("1")).toEqual({ firstSeen: T0, lastSeen: T2 });
  });

  it("adds no history row when the counts did not change", () => {
    store.upsertPosts("travel", [makePost({ id: "1", likes: 10 })], { seenAt: T1 });
    store.upsertPosts("travel", [makePost({ id: "1", likes: 10 })], { seenAt: T2 });
    expect(store.statsHistory("1")).toHaveLength(1);
    expect(store.postTimes("1")?.lastSeen).toBe(T2);
  });

  it("uses the source's collection time as the observation time", () => {
    store.upsertPosts("travel", [makePost({ id: "1", likes: 1, collectedAt: T1 })], { seenAt: T2 });
    expect(store.postTimes("1")).toEqual({ firstSeen: T1, lastSeen: T1 });
  });

  it("changes nothing when the same posts are stored again", () => {
    const posts = [makePost({ id: "1", hashtags: ["travel", "a"] }), makePost({ id: "2", hashtags: ["b"] })];
    store.upsertPosts("travel", posts, { seenAt: T1 });
    const before = dumpTables(dir);
    expect(store.upsertPosts("travel", posts, { seenAt: T1 })).toEqual({ new: 0, seen: 2, linked: 0 });
    expect(dumpTables(dir)).toEqual(before);
  });

  it("keeps what a poorer later source leaves out, while its own values win", () => {
    const rich = makePost({ id: "1", likes: 10, hashtags: ["travel"] });
    rich.stats.saves = 7;
    rich.locationCreated = "DZ";
    const poor = makePost({ id: "1", likes: 12, hashtags: [] });
    store.upsertPosts("travel", [rich], { seenAt: T1 });
    store.upsertPosts("travel", [poor], { seenAt: T2 });
    const stored = store.getPost("1");
    expect(stored?.stats).toMatchObject({ likes: 12, saves: 7 });
    expect(stored?.locationCreated).toBe("DZ");
    expect(stored?.hashtags).toEqual(["travel"]);
  });

  it("pages a hashtag's posts oldest first, undated last, filtered by time range", () => {
    const posts = Array.from({ length: 1203 }, (_, i) =>
      makePost({ id: `1${String(i).padStart(5, "0")}`, createTime: 1_700_000_000 + ((i * 7919) % 1203) }),
    );
    posts.push(makePost({ id: "99", createTime: null }));
    store.upsertPosts("travel", posts, { seenAt: T1 });
    const times = [...store.postsForHashtag("travel")].map((post) => post.createTime);
    expect(times).toHaveLength(1204);
    expect(times.at(-1)).toBeNull();
    const dated = times.slice(0, -1) as number[];
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    const ranged = [...store.postsForHashtag("travel", { since: 1_700_000_100, until: 1_700_000_199 })];
    expect(ranged).toHaveLength(100);
    expect(store.countPosts("travel", { since: 1_700_000_100 })).toBe(1103);
  });

  it("pages a hashtag's posts newest first, undated last, at any offset and limit", () => {
    // Ties on one second, ids of several lengths, undated posts, and a time past UNDATED's.
    const posts = Array.from({ length: 37 }, (_, i) =>
      makePost({
        id: String(((i * 17) % 37) * 10 ** (i % 3)),
        createTime: i % 5 === 0 ? null : i === 7 ? 300_000_000_000 : 1_700_000_000 + (i % 4),
      }),
    );
    store.upsertPosts("travel", posts, { seenAt: T1 });
    store.upsertPosts("other", [makePost({ id: "999", createTime: 1_800_000_000 })], { seenAt: T1 });
    const key = (post: { createTime: number | null; id: string }) => [
      post.createTime === null ? 1 : 0,
      post.createTime,
    ];
    const expected = [...posts]
      .sort((a, b) => {
        const [ga, ta] = key(a);
        const [gb, tb] = key(b);
        if (ga !== gb) return (ga ?? 0) - (gb ?? 0);
        if (ta !== tb) return (tb ?? 0) - (ta ?? 0);
        return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
      })
      .map((post) => post.id);
    expect(new Set(expected).size).toBe(37);
    for (const limit of [1, 4, 8, 37, 50])
      for (let offset = 0; offset <= 40; offset++)
        expect(store.postsPage("travel", { limit, offset }).map((post) => post.id)).toEqual(
          expected.slice(offset, offset + limit),
        );
  });

  it("gives each of a hashtag's posts with the last_seen postTimes gives, in postsForHashtag's order", () => {
    const posts = Array.from({ length: 1203 }, (_, i) =>
      makePost({ id: `1${String(i).padStart(5, "0")}`, createTime: 1_700_000_000 + ((i * 7919) % 1203) }),
    );
    store.upsertPosts("travel", posts, { seenAt: T1 });
    store.upsertPosts("travel", posts.slice(0, 600), { seenAt: T2 });
    const range = { since: 1_700_000_100 };
    const seen = [...store.postsForHashtagWithLastSeen("travel", range)];
    expect(seen.map(({ post }) => post)).toEqual([...store.postsForHashtag("travel", range)]);
    expect(seen).toHaveLength(1103);
    for (const { post, lastSeen } of seen) expect(lastSeen).toBe(store.postTimes(post.id)?.lastSeen);
    expect(new Set(seen.map(({ lastSeen }) => lastSeen))).toEqual(new Set([T1, T2]));
    const withoutRaw = [...store.postsForHashtagWithLastSeen("travel", range, { raw: false })];
    expect(withoutRaw).toEqual(
      seen.map(({ post, lastSeen }) => ({ post: { ...post, raw: null }, lastSeen })),
    );
    expect(seen.some(({ post }) => post.raw !== null)).toBe(true);
  });

  it("counts co-occurring hashtags in SQL exactly as the shared analysis does", () => {
    const posts = [
      makePost({ id: "1", hashtags: ["travel", "Egypt", "cairo"] }),
      makePost({ id: "2", hashtags: ["travel", "egypt"] }),
      makePost({ id: "3", hashtags: ["東京"] }),
    ];
    store.upsertPosts("travel", posts);
    const fromStore = store.hashtagCounts("travel");
    const fromPosts = countHashtags(posts);
    expect(fromStore.totalPosts).toBe(3);
    expect(Object.fromEntries(fromStore.counts)).toEqual(Object.fromEntries(fromPosts.counts));
    expect(fromStore.counts.get("egypt")).toBe(2);
  });

  it("records runs and summarises followed hashtags", () => {
    const run = store.startRun("travel", "browser");
    store.upsertPosts("travel", [makePost({ id: "1" })], { runId: run });
    store.finishRun(run, { postsNew: 1, postsSeen: 0 });
    const failed = store.startRun("cairo", "scraper");
    store.finishRun(failed, { postsNew: 0, postsSeen: 0, error: "captcha" });
    expect(store.runs("travel")).toMatchObject([
      { id: run, hashtag: "travel", source: "browser", postsNew: 1 },
    ]);
    expect(store.runs()).toHaveLength(2);
    const summary = store.hashtags();
    expect(summary.map((row) => [row.hashtag, row.posts, row.videos, row.lastError])).toEqual([
      ["cairo", 0, 0, "captcha"],
      ["travel", 1, 0, null],
    ]);
    expect(summary[1]?.lastCollectedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(store.leastRecentlyCollected(["travel", "never", "cairo"])).toEqual(["never", "travel", "cairo"]);
  });

  it("records videos by post, and lists posts still without one", () => {
    store.upsertPosts("travel", [makePost({ id: "1" }), makePost({ id: "2" })]);
    const video = {
      postId: "1",
      hashtag: "travel",
      path: "travel/videos/1.mp4",
      size: 42,
      sha256: "ab".repeat(32),
      downloadedAt: T1,
    };
    store.recordVideo(video);
    expect(store.videoFor("1")).toEqual(video);
    expect(store.postsWithoutVideo("travel").map((post) => post.id)).toEqual(["2"]);
    expect(store.hashtags()[0]?.videos).toBe(1);
    expect(() => store.recordVideo({ ...video, path: "../outside.mp4" })).toThrow(/outside the data folder/);
    expect(() => store.recordVideo({ ...video, path: "/tmp/x.mp4" })).toThrow(/relative/);
    expect(() => store.recordVideo({ ...video, postId: "404" })).toThrow(/not stored/);
  });

  it("links stored posts to another hashtag and reports unknown ids", () => {
    store.upsertPosts("travel", [makePost({ id: "1" })]);
    expect(store.linkPosts("egypt", ["1", "9"])).toEqual({ linked: 1, missing: ["9"] });
    expect(store.linkPosts("egypt", ["1"])).toEqual({ linked: 0, missing: [] });
    expect(store.countPosts("egypt")).toBe(1);
  });

  it("rejects an invalid hashtag before storing anything", () => {
    expect(() => store.upsertPosts("../etc", [makePost({ id: "1" })])).toThrow(/Invalid hashtag/);
    expect(store.totalPosts()).toBe(0);
  });

  it("commits an atomic block as a whole, or nothing of it", async () => {
    await expect(
      store.atomically(async () => {
        store.upsertPosts("travel", [makePost({ id: "1" })]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("truncated file");
      }),
    ).rejects.toThrow("truncated file");
    expect(store.totalPosts()).toBe(0);
    await store.atomically(async () => {
      store.upsertPosts("travel", [makePost({ id: "1" })]);
      store.upsertPosts("travel", [makePost({ id: "2" })]);
    });
    expect(store.totalPosts()).toBe(2);
  });

  it("keeps its writers through a rolled-back first write: a bulk file refused, the next one counted", async () => {
    // The writers are made on first use; made inside this transaction, the rollback would drop their temp tables.
    await expect(
      store.atomicallyInBulk(async () => {
        store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel", "food"] })]);
        throw new Error("truncated file");
      }),
    ).rejects.toThrow("truncated file");
    await store.atomicallyInBulk(async () => {
      store.upsertPosts("travel", [makePost({ id: "2", hashtags: ["travel", "food"] })]);
    });
    expect(store.totalPosts()).toBe(1);
    expect(Object.fromEntries(store.hashtagCounts("travel").counts)).toEqual({ food: 1, travel: 1 });
  });
});

describe("schema migrations", () => {
  it("applies pending migrations in order and refuses a newer database", () => {
    const db = new Database(":memory:");
    migrate(db, ["CREATE TABLE a (x)", "ALTER TABLE a ADD COLUMN y"]);
    expect(db.pragma("user_version", { simple: true })).toBe(2);
    migrate(db, ["CREATE TABLE a (x)", "ALTER TABLE a ADD COLUMN y", "CREATE TABLE b (z)"]);
    expect(db.pragma("user_version", { simple: true })).toBe(3);
    expect(() => migrate(db, ["CREATE TABLE a (x)"])).toThrow(/newer than this program knows/);
    db.close();
  });
});

const writer = fileURLToPath(new URL("testing/write-posts.ts", import.meta.url));

const runWriter = (
  ...args: string[]
): Promise<{ code: number | null; signal: string | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });

describe("several processes", () => {
  it("lets two writers work at once, the second waiting instead of failing", async () => {
    const dir = tempDir();
    const results = await Promise.all([runWriter(dir, "1", "300"), runWriter(dir, "2", "300")]);
    expect(results.map((result) => [result.code, result.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    const store = openSqliteStore(dir);
    expect(store.countPosts("travel")).toBe(600);
    store.close();
  });

  it("loses nothing committed when a process dies mid-transaction", async () => {
    const dir = tempDir();
    const result = await runWriter(dir, "3", "50", "crash");
    expect(result.signal).toBe("SIGKILL");
    const store = openSqliteStore(dir);
    expect(store.countPosts("travel")).toBe(50);
    expect(store.getPost("3999999")).toBeUndefined();
    store.close();
  });
});
