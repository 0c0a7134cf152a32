import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportLines } from "../../../companion/export/export-lines.ts";
import { openSqliteStore } from "../../../companion/store/sqlite-store.ts";
import { makePost } from "../../../companion/store/testing/make-post.ts";
import { rankHashtags } from "../../../shared/analysis/hashtag-frequencies.ts";
import { NO_FILTER, type Selection } from "../selection/selection.ts";
import { countHashtag, type DashboardPost, DEFAULT_SORT, listPosts } from "./analyse-hashtag.ts";

const DAY = 86_400;
const T0 = 1_735_689_600; // 2025-01-01

const posts = [
  makePost({ id: "1", hashtags: ["travel", "food", "beach"], createTime: T0, likes: 5 }),
  makePost({ id: "2", hashtags: ["travel", "food"], createTime: T0 + DAY, likes: 50 }),
  makePost({
    id: "3",
    hashtags: ["travel", "beach"],
    createTime: T0 + 3 * DAY,
    likes: 7,
    desc: "Sunny BEACH day",
  }),
  makePost({ id: "4", hashtags: ["travel", "mountains"], createTime: null, likes: 1 }),
  makePost({ id: "10", hashtags: ["travel", "food", "mountains"], createTime: T0 + DAY, likes: 9 }),
];
const slim: DashboardPost[] = posts.map(({ raw: _raw, ...post }) => post);

const selection = (overrides: Partial<Selection> = {}): Selection => ({
  hashtag: "travel",
  range: {},
  filter: NO_FILTER,
  ...overrides,
});

const dataDir = mkdtempSync(join(tmpdir(), "dashboard-analysis-"));
const store = openSqliteStore(dataDir);
store.upsertPosts("travel", posts);
afterAll(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("countHashtag and listPosts", () => {
  it("has the CLI's frequency table, with and without a date range", () => {
    for (const range of [{}, { since: T0 + DAY }, { since: T0, until: T0 + DAY + 5 }]) {
      const { table } = countHashtag(slim, { selection: selection({ range }), n: 3 });
      expect(table).toEqual(rankHashtags(store.hashtagCounts("travel", range), "travel", 3));
    }
  });

  it("counts posts per day within the range, undated ones aside", () => {
    const { perDay } = countHashtag(slim, { selection: selection(), n: 20 });
    expect(perDay).toEqual({
      days: [
        { day: "2025-01-01", posts: 1 },
        { day: "2025-01-02", posts: 2 },
        { day: "2025-01-03", posts: 0 },
        { day: "2025-01-04", posts: 1 },
      ],
      undated: 1,
    });
  });

  it("lists the filtered posts in the asked order, unknown values last", () => {
    const byLikes = listPosts(slim, { selection: selection(), sort: { column: "likes", direction: "desc" } });
    expect(byLikes.map((row) => row.id)).toEqual(["2", "10", "3", "1", "4"]);
    const byTime = listPosts(slim, {
      selection: selection(),
      sort: { column: "createTime", direction: "asc" },
    });
    expect(byTime.map((row) => row.id)).toEqual(["1", "10", "2", "3", "4"]);
    expect(byTime[0]).toMatchObject({
      url: "https://www.tiktok.com/@someone/video/1",
      author: "someone",
    });
  });

  it("filters the posts table by text and co-occurring hashtag, but not the frequency table", () => {
    const request = {
      selection: selection({ filter: { text: "beach", coHashtag: "" } }),
      n: 20,
      sort: DEFAULT_SORT,
    };
    expect(listPosts(slim, request).map((row) => row.id)).toEqual(["3", "1"]);
    expect(countHashtag(slim, request).table.totalPosts).toBe(5);
    const food = listPosts(slim, {
      selection: selection({ filter: { text: "", coHashtag: "#FOOD" } }),
      sort: { column: "createTime", direction: "asc" },
    });
    expect(food.map((row) => row.id)).toEqual(["1", "10", "2"]);
  });

  it("is fed the same posts the CLI exports", () => {
    const exported = [...exportLines(store, "travel", "json")].join("");
    expect((JSON.parse(exported) as { id: string }[]).map((post) => post.id).sort()).toEqual(
      slim.map((post) => post.id).sort(),
    );
  });
});
