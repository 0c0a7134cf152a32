import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { POST_CSV_COLUMNS } from "../../shared/export/post-csv.ts";
import type { Post } from "../../shared/post/post.ts";
import { fixture, runCli, seedFolder, sharedFixture, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

let source: string;

const cli = async (dataDir: string, ...args: string[]) => {
  const result = await runCli(["--data-dir", dataDir, ...args]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
};

const postsOf = (dataDir: string, hashtag: string): Post[] => {
  const store = openSqliteStore(dataDir);
  try {
    return [...store.postsForHashtag(hashtag)];
  } finally {
    store.close();
  }
};

/** What a round trip must keep of a post. */
const essentials = (post: Post) => ({
  id: post.id,
  description: post.description,
  createTime: post.createTime,
  author: post.author,
  hashtags: post.hashtags,
  mentions: post.mentions,
  stats: post.stats,
  music: post.music,
  video: post.video,
  images: post.images,
  isAd: post.isAd,
});

beforeAll(async () => {
  source = join(temp.make(), "data");
  await cli(source, "--json", "import", seedFolder(temp), sharedFixture("zeeschuimer.ndjson"));
});

describe("export --format ndjson", () => {
  it("writes Zeeschuimer lines, and importing them gives the same posts, hashtags and stats", async () => {
    const file = join(temp.make(), "travel.ndjson");
    const summary = JSON.parse(
      await cli(source, "--json", "export", "travel", "--format", "ndjson", "--out", file),
    );
    expect(summary).toEqual({ hashtag: "travel", format: "ndjson", out: file, posts: 35 });

    const lines = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(35);
    for (const line of lines)
      expect(Object.keys(line)).toEqual([
        "id",
        "thread_id",
        "timestamp_collected",
        "source_platform",
        "source_platform_url",
        "source_url",
        "user_agent",
        "data",
      ]);
    // A post last seen through Zeeschuimer goes back out exactly as Zeeschuimer wrote it. (The fixture's other
    // two were seen later, in the seed folder's posts.json, whose version is the current one.)
    const zeeschuimerLines = readFileSync(sharedFixture("zeeschuimer.ndjson"), "utf8").trimEnd().split("\n");
    expect(lines.find((line) => line.id === "7301234567890123459")).toEqual(
      JSON.parse(zeeschuimerLines[2] ?? ""),
    );

    const copy = join(temp.make(), "data");
    await cli(copy, "--json", "import", file);
    expect(postsOf(copy, "travel").map(essentials)).toEqual(postsOf(source, "travel").map(essentials));
  });
});

describe("export --format ndjson of posts Zeeschuimer captured on another page", () => {
  it("imports back under the exported hashtag", async () => {
    const data = join(temp.make(), "data");
    await cli(data, "--json", "import", "--hashtag", "東京", sharedFixture("zeeschuimer.ndjson"));
    const file = join(temp.make(), "tokyo.ndjson");
    await cli(data, "--json", "export", "東京", "--out", file);
    const copy = join(temp.make(), "data");
    await cli(copy, "--json", "import", file);
    expect(postsOf(copy, "東京").map(essentials)).toEqual(postsOf(data, "東京").map(essentials));
    expect(postsOf(copy, "travel")).toEqual([]);
  });
});

describe("export --format json", () => {
  it("writes the Post model, which imports back to identical posts", async () => {
    const text = await cli(source, "export", "travel", "--format", "json");
    const posts = JSON.parse(text) as Post[];
    expect(posts).toEqual(postsOf(source, "travel"));
    const file = join(temp.make(), "travel.json");
    writeFileSync(file, text);
    const copy = join(temp.make(), "data");
    await cli(copy, "--json", "import", "--hashtag", "travel", file);
    expect(postsOf(copy, "travel")).toEqual(postsOf(source, "travel"));
  });
});

describe("export --format csv", () => {
  it("writes 4CAT's columns, one row per post", async () => {
    const text = await cli(
      source,
      "export",
      "travel",
      "--format",
      "csv",
      "--since",
      "2020-09-13",
      "--until",
      "2020-09-13",
    );
    const rows = text.split("\r\n");
    expect(rows[0]).toBe(POST_CSV_COLUMNS.join(","));
    expect(rows[0]).toMatch(
      /^id,author,author_full,author_id,author_followers,body,timestamp,unix_timestamp,music_name,music_id,video_url,tiktok_url,thumbnail_url,likes,comments,shares,plays,hashtags,/,
    );
    expect(rows.slice(1)).toEqual([
      [
        "6900000000000000001",
        "user0",
        "User 0",
        "6600000000000000001",
        "100",
        "#travel #cairo #TRAVEL post 0",
        "2020-09-13 12:26:40",
        "1600000000",
        "original sound - user0",
        "6800000000000000001",
        "https://v16-web.tiktok.com/video/6900000000000000001.mp4",
        "https://www.tiktok.com/@user0/video/6900000000000000001",
        "https://p16.tiktokcdn.com/c0.jpeg",
        "0",
        "0",
        "0",
        "1000",
        '"travel,cairo"',
        "",
        "no",
        "",
        "",
      ].join(","),
      "",
    ]);
  });

  it("quotes per RFC 4180 and defuses spreadsheet formulas", async () => {
    const dataDir = join(temp.make(), "data");
    const input = join(temp.make(), "risky.ndjson");
    const item = (id: string, desc: string) =>
      JSON.stringify({
        id,
        desc,
        createTime: 1700000000,
        author: { uniqueId: "x" },
        stats: { diggCount: 1 },
      });
    writeFileSync(
      input,
      `${item("1", '=HYPERLINK("http://evil")')}\n${item("2", 'line one\nline two, "quoted"')}\n`,
    );
    await cli(dataDir, "--json", "import", "--hashtag", "risky", input);
    const text = await cli(dataDir, "export", "risky", "--format", "csv");
    const [, first, second] = text.split(/\r\n(?=\d)/u);
    expect(first?.split(",")[5]).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(second).toContain(`,"line one\nline two, ""quoted""",`);
  });
});

describe("export --layout seed", () => {
  it("writes the seed's folders, which the seed's own table code reads", async () => {
    const out = join(temp.make(), "seed");
    const summary = JSON.parse(
      await cli(source, "--json", "export", "travel", "--layout", "seed", "--out", out),
    );
    expect(summary).toMatchObject({ hashtag: "travel", format: "seed", posts: 35, videos: 1 });
    expect(JSON.parse(readFileSync(join(out, "travel", "posts.json"), "utf8"))).toHaveLength(35);
    expect(JSON.parse(readFileSync(join(out, "ids", "post_ids.json"), "utf8")).travel).toHaveLength(35);
    expect(JSON.parse(readFileSync(join(out, "ids", "video_ids.json"), "utf8"))).toEqual({
      travel: ["6900000000000000001"],
    });
    expect(existsSync(join(out, "travel", "videos", "6900000000000000001.mp4"))).toBe(true);

    const seed = spawnSync("python3", [fixture("seed-print-occurrences.py"), "travel", "20", out], {
      encoding: "utf8",
    });
    expect(seed.stderr).toBe("");
    expect(await cli(source, "frequencies", "travel")).toBe(seed.stdout);
  });
});
