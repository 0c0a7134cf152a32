import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportSummary } from "../../companion/import/import-file.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { runCli, SEED_VIDEO, seedFolder, sharedFixture, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());
const seed = seedFolder(temp);

const freshDataDir = (): string => join(temp.make(), "data");

const importJson = async (dataDir: string, ...args: string[]) => {
  const result = await runCli(["--data-dir", dataDir, "--json", "import", ...args]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ImportSummary[];
};

const withStore = <T>(dataDir: string, read: (store: ReturnType<typeof openSqliteStore>) => T): T => {
  const store = openSqliteStore(dataDir);
  try {
    return read(store);
  } finally {
    store.close();
  }
};

describe("import of the seed's data folder", () => {
  const dataDir = freshDataDir();

  it("imports data.json and posts.json per hashtag folder, the ids files and the downloaded videos", async () => {
    const summaries = await importJson(dataDir, seed);
    expect(
      summaries.map((summary) => [summary.format, summary.hashtags, summary.new, summary.rejected]),
    ).toEqual([
      ["json-array", ["cairo"], 2, 1],
      ["json-array", ["travel"], 32, 0],
      ["seed-videos", ["travel"], 0, 0],
      ["seed-post-ids", ["travel", "egypt"], 0, 1],
    ]);
    expect(summaries[0]?.rejections).toEqual(["item 3: post has no id"]);
    expect(summaries[3]?.rejections).toEqual(["1 ids listed for #egypt are not stored posts (no post data)"]);

    withStore(dataDir, (store) => {
      expect(store.countPosts("travel")).toBe(32);
      expect(store.countPosts("cairo")).toBe(2);
      expect(store.countPosts("egypt")).toBe(2);
      const post = store.getPost("6900000000000000005");
      expect(post?.source.kind).toBe("tiktok-scraper");
      expect(post?.stats).toMatchObject({ likes: 40, plays: 1400 });
      const video = store.videoFor("6900000000000000001");
      const original = readFileSync(join(seed, "travel", "videos", `${SEED_VIDEO.id}.mp4`));
      expect(video).toMatchObject({
        hashtag: "travel",
        path: join("travel", "videos", "6900000000000000001.mp4"),
        size: original.length,
        sha256: createHash("sha256").update(original).digest("hex"),
      });
      expect(readFileSync(join(dataDir, video?.path ?? "")).equals(original)).toBe(true);
    });
  });

  it("changes no post, link or history when imported again", async () => {
    const before = dumpTables(dataDir);
    const summaries = await importJson(dataDir, seed);
    expect(summaries.map((summary) => summary.new)).toEqual([0, 0, 0]);
    expect(summaries.map((summary) => summary.seen)).toEqual([2, 32, 0]);
    const after = dumpTables(dataDir);
    for (const table of ["posts", "post_stats", "post_hashtags", "post_tags", "videos"])
      expect(after[table], table).toEqual(before[table]);
    // Only the log of runs grows: the re-import happened, and found nothing new.
    expect(after.runs?.slice(before.runs?.length)).toMatchObject([
      { hashtag: "cairo", posts_new: 0, posts_seen: 2 },
      { hashtag: "travel", posts_new: 0, posts_seen: 32 },
    ]);
  });

  it("lists the followed hashtags with their counts", async () => {
    const table = await runCli(["--data-dir", dataDir, "hashtags"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Hashtag  Posts  Videos  Last collection (UTC)  Last error");
    expect(lines.slice(1).map((line) => line.split(/\s+/u).slice(0, 3))).toEqual([
      ["cairo", "2", "0"],
      ["egypt", "2", "0"],
      ["travel", "32", "1"],
    ]);
    const json = await runCli(["--data-dir", dataDir, "--json", "hashtags"]);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { hashtag: "cairo", posts: 2, videos: 0, lastError: null },
      { hashtag: "egypt", posts: 2, videos: 0, lastCollectedAt: null },
      { hashtag: "travel", posts: 32, videos: 1 },
    ]);
  });
});

describe("import of each file format", () => {
  it("reads Zeeschuimer NDJSON, taking the hashtag from the tag page URL", async () => {
    const dataDir = freshDataDir();
    const [summary] = await importJson(dataDir, sharedFixture("zeeschuimer.ndjson"));
    expect(summary).toMatchObject({ format: "ndjson", hashtags: ["travel"], new: 3, rejected: 0 });
    withStore(dataDir, (store) => {
      expect(store.getPost("7301234567890123456")?.source).toEqual({
        kind: "zeeschuimer",
        url: "https://www.tiktok.com/tag/travel",
        collectedAt: "2023-11-16T02:00:00.000Z",
      });
      // Zeeschuimer's collection time is when the post was seen.
      expect(store.postTimes("7301234567890123456")?.firstSeen).toBe("2023-11-16T02:00:00.000Z");
    });
  });

  it("reads API responses, rehydration data, JSON lists and saved pages with --hashtag, each file on its own", async () => {
    const files = [
      "item-list-response.json",
      "rehydration-updated-items.json",
      "posts.json",
      "scraper-data.json",
      "sigi-state-page.html",
      "video-detail-page.html",
    ];
    const dataDir = freshDataDir();
    const summaries = await importJson(dataDir, "--hashtag", "#Travel", ...files.map(sharedFixture));
    expect(
      summaries.map((summary) => [
        summary.format,
        summary.hashtags,
        summary.new + summary.seen,
        summary.rejected,
      ]),
    ).toEqual([
      ["json-document", ["travel"], 5, 0],
      ["json-document", ["travel"], 2, 0],
      ["json-array", ["travel"], 2, 1],
      ["json-array", ["travel"], 3, 0],
      ["html", ["travel"], 2, 0],
      ["html", ["travel"], 1, 0],
    ]);
    withStore(dataDir, (store) => expect(store.countPosts("travel")).toBe(8));
  });

  it("reads tiktok-scraper's {collector: [...]} result and de-duplicates across files", async () => {
    const dataDir = freshDataDir();
    const file = join(temp.make(), "result.json");
    writeFileSync(
      file,
      JSON.stringify({ collector: JSON.parse(readFileSync(sharedFixture("scraper-data.json"), "utf8")) }),
    );
    const summaries = await importJson(
      dataDir,
      "--hashtag",
      "travel",
      file,
      sharedFixture("scraper-data.json"),
    );
    expect(summaries.map((summary) => [summary.new, summary.seen])).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });

  it("imports a single ids/post_ids.json to link stored posts", async () => {
    const dataDir = freshDataDir();
    await importJson(dataDir, join(seed, "travel"));
    const [summary] = await importJson(dataDir, join(seed, "ids", "post_ids.json"));
    expect(summary).toMatchObject({ format: "seed-post-ids", linked: 2, rejected: 1 });
  });

  it("prints a human summary without --json", async () => {
    const dataDir = freshDataDir();
    const result = await runCli(["--data-dir", dataDir, "import", sharedFixture("zeeschuimer.ndjson")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `${sharedFixture("zeeschuimer.ndjson")}: 3 new, 0 already stored, 3 newly linked, 0 rejected (#travel)\n`,
    );
    expect(result.stdout).toBe(
      "Imported 3 posts from 1 file: 3 new, 0 already stored, 0 rejected, 0 videos\n",
    );
  });
});
