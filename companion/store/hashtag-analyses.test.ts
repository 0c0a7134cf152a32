import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleNetwork, coHashtagNetwork, networkNodes } from "../../shared/analysis/co-hashtag-network.ts";
import { engagementHistory, fastestGrowing } from "../../shared/analysis/engagement.ts";
import { hashtagTrends } from "../../shared/analysis/hashtag-trends.ts";
import { storedEngagement, storedGrowth, storedNetwork, storedTrends } from "./hashtag-analyses.ts";
import { databasePath } from "./paths.ts";
import type { CompanionStore } from "./post-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost } from "./testing/make-post.ts";

const folders: string[] = [];
const freshFolder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "tha-analyses-"));
  folders.push(dir);
  return dir;
};
const freshStore = (): CompanionStore => openSqliteStore(freshFolder());
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const DAY = 86_400;
const START = 1_736_121_600; // 2025-01-06T00:00:00Z, a Monday

// Times around midnights, so ranges and weeks cut through days; some posts undated.
const createTime = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 1, DAY / 2, DAY - 1))
    .map(([d, s]) => START + d * DAY + s),
  { nil: null, freq: 6 },
);
const spec = fc.record({
  createTime,
  hashtags: fc.uniqueArray(fc.constantFrom("travel", "a", "b", "c", "d", "e", "f", "Ünï"), { maxLength: 5 }),
});
const bound = fc.option(
  fc
    .tuple(fc.integer({ min: -1, max: 21 }), fc.integer({ min: 0, max: DAY - 1 }))
    .map(([d, s]) => START + d * DAY + s),
  { nil: undefined },
);

describe("the analyses over the store equal the pure functions over the same posts", () => {
  it("network and trends, for any posts, range and period", () => {
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 40 }),
        bound,
        bound,
        fc.constantFrom("day" as const, "week" as const),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 10 }),
        (specs, since, until, period, top, minWeight, unknown) => {
          const dir = freshFolder();
          const store = openSqliteStore(dir);
          try {
            const posts = specs.map((s, i) => makePost({ id: String(1000 + i), ...s }));
            store.upsertPosts("travel", posts);
            const stored = [...store.postsForHashtag("travel")];
            const range = { since, until };
            if (since !== undefined && until !== undefined && since > until) return;
            const expected = coHashtagNetwork(stored, "travel", { top, minWeight, range });
            expect(storedNetwork(store, "travel", { top, minWeight, range })).toEqual(expected);
            // Every way the store reads the pairs: each link's tag numbers as written, then with some
            // links' unknown (NULL), as a foreign writer may leave them: those posts' tags are read from post_tags.
            const counts = store.hashtagCounts("travel", range);
            const nodes = networkNodes(counts, "travel", top).map((node) => node.hashtag);
            const readEveryWay = () => {
              const pairs = store.analysis.networkPairs("travel", nodes, range);
              expect(assembleNetwork("travel", counts, pairs, { top, minWeight })).toEqual(expected);
            };
            readEveryWay();
            const foreign = new Database(databasePath(dir));
            const forget = foreign.prepare("UPDATE post_hashtags SET tag_codes = NULL WHERE post_id = ?");
            for (const i of unknown) forget.run(String(1000 + i));
            foreign.close();
            readEveryWay();
            expect(storedTrends(store, "travel", { period, top, range })).toEqual(
              hashtagTrends(stored, "travel", { period, top, range }),
            );
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("the network over the store at its edges", () => {
  it("cuts the top nodes through a tie as the pure function does, and reads a range", () => {
    const store = freshStore();
    try {
      // Six co-hashtags on three posts each, in overlapping sets, so top 4 cuts through a six-way tie.
      const tags = ["f", "e", "d", "c", "b", "a"];
      const posts = Array.from({ length: 12 }, (_, i) =>
        makePost({
          id: String(2000 + i),
          createTime: START + i * DAY,
          hashtags: ["travel", ...tags.filter((_, t) => (i + t) % 4 === 0 || (i + 2 * t) % 6 === 1)],
        }),
      );
      store.upsertPosts("travel", posts);
      const stored = [...store.postsForHashtag("travel")];
      for (const range of [{}, { since: START + 3 * DAY, until: START + 8 * DAY }]) {
        const expected = coHashtagNetwork(stored, "travel", { top: 4, range });
        expect(expected.edges.length).toBeGreaterThan(2);
        const counts = store.hashtagCounts("travel", range);
        const nodes = networkNodes(counts, "travel", 4).map((node) => node.hashtag);
        expect(storedNetwork(store, "travel", { top: 4, range })).toEqual(expected);
        const pairs = store.analysis.networkPairs("travel", nodes, range);
        expect(assembleNetwork("travel", counts, pairs, { top: 4 })).toEqual(expected);
      }
    } finally {
      store.close();
    }
  });

  it("gives no pairs for one node or for a hashtag without posts", () => {
    const store = freshStore();
    try {
      store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel", "a"] })]);
      expect(store.analysis.networkPairs("travel", ["travel"])).toEqual([]);
      expect(store.analysis.networkPairs("nothing", ["nothing", "a"])).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe("engagement over the store", () => {
  const store = freshStore();
  const at = (day: number) => `2025-01-0${day}T12:00:00.000Z`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
  /** A collection as a collector makes it: observed now, within a run; `day` set instead for given times. */
  const observe = async (plays: Record<string, number>, day?: number) => {
    const run = store.startRun("travel", "test");
    await settle();
    const collectedAt = day === undefined ? null : at(day);
    const posts = Object.entries(plays).map(([id, count]) =>
      makePost({ id, hashtags: ["travel"], plays: count, collectedAt }),
    );
    store.upsertPosts("travel", posts, { runId: run });
    await settle();
    store.finishRun(run, { postsNew: 0, postsSeen: 0 });
  };
  beforeAll(async () => {
    await observe({ "1": 100, "2": 10 }, 1);
    await observe({ "1": 150, "2": 500, "3": 7 }, 2);
    await observe({ "1": 160, "2": 1000, "3": 8 });
    await observe({ "1": 300, "2": 1000, "3": 9 });
  });
  store.upsertPosts("other", [makePost({ id: "9", hashtags: ["other"], plays: 5 })]);

  it("ranks growth between the last two collections, with each post's author and link", () => {
    const growth = storedGrowth(store, "travel");
    expect(growth).not.toBeNull();
    const runs = store.runs("travel");
    expect(growth?.to).toBe(
      runs
        .map((run) => run.finishedAt)
        .sort()
        .at(-1),
    );
    expect(growth?.from).toBe(
      runs
        .map((run) => run.finishedAt)
        .sort()
        .at(-2),
    );
    expect(growth?.posts.map((row) => [row.postId, row.growth, row.author])).toEqual([
      ["1", 140, "someone"],
      ["3", 1, "someone"],
      ["2", 0, "someone"],
    ]);
    expect(growth?.posts[0]?.url).toBe("https://www.tiktok.com/@someone/video/1");
  });

  it("takes two given times, and equals fastestGrowing over each post's history", () => {
    const growth = storedGrowth(store, "travel", { from: at(1), to: at(2), metric: "plays" });
    const histories = ["1", "2", "3"].map((id) => ({
      postId: id,
      observations: store.statsHistory(id),
    }));
    expect(
      growth?.posts.map(({ author: _a, description: _d, createTime: _c, url: _u, ...row }) => row),
    ).toEqual(fastestGrowing(histories, { from: at(1), to: at(2) }));
  });

  it("gives null with fewer than two collections, and a post's history", () => {
    expect(storedGrowth(store, "other")).toBeNull();
    expect(storedEngagement(store, "1")).toEqual({
      postId: "1",
      points: engagementHistory(store.statsHistory("1")),
    });
    expect(storedEngagement(store, "1")?.points.map((p) => p.plays)).toEqual([100, 150, 160, 300]);
    expect(storedEngagement(store, "404")).toBeUndefined();
    expect(store.analysis.isLinked("travel", "1")).toBe(true);
    expect(store.analysis.isLinked("travel", "9")).toBe(false);
  });
});
