import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { makePost } from "../../companion/store/testing/make-post.ts";
import { runCli, tempFolders } from "./cli-harness.ts";

const temp = tempFolders();
afterAll(() => temp.cleanup());

let dataDir: string;
const T1 = "2024-01-01T00:00:00.000Z";
const T2 = "2024-01-02T00:00:00.000Z";

beforeAll(() => {
  dataDir = join(temp.make(), "data");
  mkdirSync(dataDir);
  const store = openSqliteStore(dataDir);
  try {
    store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel"] })], { seenAt: T1 });
    store.upsertCapturedPosts(
      { kind: "profile", value: "someone" },
      [makePost({ id: "1" }), makePost({ id: "2" })],
      {
        seenAt: T1,
      },
    );
    store.upsertCapturedPosts({ kind: "search", value: "cat videos" }, [makePost({ id: "3" })], {
      seenAt: T2,
    });
  } finally {
    store.close();
  }
});

describe("posts captured off tag pages, in the CLI", () => {
  it("hashtags --contexts lists where they were captured, with counts", async () => {
    const listed = await runCli(["--data-dir", dataDir, "--json", "hashtags", "--contexts"]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { context: "@someone", kind: "profile", value: "someone", posts: 2, firstSeen: T1, lastSeen: T1 },
      {
        context: "search:cat videos",
        kind: "search",
        value: "cat videos",
        posts: 1,
        firstSeen: T2,
        lastSeen: T2,
      },
    ]);
    const text = await runCli(["--data-dir", dataDir, "hashtags"]);
    expect(text.stdout).toMatch(/travel/u);
    expect(text.stderr).toBe("Posts captured off tag pages: 3 in 2 places (hashtags --contexts)\n");
  });

  it("export --context writes a context's posts, naming its page as where they came from", async () => {
    const out = join(temp.make(), "someone.ndjson");
    const result = await runCli([
      "--data-dir",
      dataDir,
      "--json",
      "export",
      "--context",
      "@SomeOne",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ context: "@someone", format: "ndjson", out, posts: 2 });
    const lines = readFileSync(out, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.source_platform_url])).toEqual([
      ["1", "https://www.tiktok.com/@someone"],
      ["2", "https://www.tiktok.com/@someone"],
    ]);
    const csv = await runCli([
      "--data-dir",
      dataDir,
      "export",
      "--context",
      "search:cat videos",
      "--format",
      "csv",
    ]);
    expect(csv.stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  it.each([
    [["export", "--context", "travel"], /--context "travel" is not @user, search:<term> or feed/u],
    [["export", "--context", "@a/b"], /username/u],
    [["export", "travel", "--context", "feed"], /a hashtag or --context, not both/u],
    [["export"], /Give a hashtag to export, or --context/u],
    [["export", "--context", "feed"], /No posts captured on feed \(contexts: @someone, search:cat videos\)/u],
  ])("export %j fails with a clear message", async (args, message) => {
    const result = await runCli(["--data-dir", dataDir, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
