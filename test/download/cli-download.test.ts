import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { dumpTables } from "../../companion/store/testing/dump-tables.ts";
import { type FakeTikTok, startFakeTikTok, VIDEO_CDN_HOST } from "../fake-tiktok/index.ts";
import { lines, runCli, startCli, waitFor } from "./run-cli.ts";

// The CLI runs as a child process with the scraper source, reaching the fake through its CONNECT proxy and
// trusting its certificate the way any Node program can be told to: NODE_EXTRA_CA_CERTS. No test-only flags.
let fake: FakeTikTok;
let folder: string;
let env: NodeJS.ProcessEnv;

const source = () => ["--source", "scraper", "--proxy", fake.proxyUrl, "--delay", "0"];
const dataDir = (name: string) => join(folder, name);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const ids = (tag: string) => fake.corpus.posts(tag).map((post) => String(post.id));
const isVideo = (id: string) => !fake.corpus.post(id)?.imagePost;
const withoutVolatile = (tables: Record<string, unknown[]>) => {
  const { runs: _runs, posts, ...rest } = tables;
  // Every sighting moves last_seen and refreshes the stored JSON (its collectedAt); that is the point of them.
  return { ...rest, posts: posts?.map((row) => ({ ...(row as object), last_seen: null, json: null })) };
};

beforeAll(async () => {
  fake = await startFakeTikTok({
    seed: 21,
    tags: { travel: 24, food: 10, kill: 12 },
    videoBytes: { min: 60_000, max: 90_000 },
  });
  folder = await mkdtemp(join(tmpdir(), "cli-download-"));
  await writeFile(join(folder, "fake-ca.pem"), fake.caCertificate);
  env = { NODE_EXTRA_CA_CERTS: join(folder, "fake-ca.pem") };
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
});

describe("tiktok-hashtag-analysis download", () => {
  it("collects posts and media, printing the seed's lines; a second run duplicates nothing", async () => {
    const data = dataDir("main");
    const foodOnly = ids("food").filter((id) => !ids("travel").includes(id)).length;
    const first = await runCli(
      ["--data-dir", data, "download", "-t", "travel", "food", "-p", "-v", ...source()],
      env,
    );
    // No warning; a plain progress line ("#travel posts: 24 (24 new)") is fine when a loaded machine is slow.
    expect(lines(first.stderr).filter((line) => !/^#\S+ (posts|media): /u.test(line))).toEqual([]);
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toEqual([
      "Hashtags to scrape: ['travel', 'food']",
      "Scraped 24 posts containing the hashtag 'travel' (24 new)",
      `Scraped 10 posts containing the hashtag 'food' (${foodOnly} new)`,
      "Scraped 24 videos containing the hashtag 'travel' (24 new)",
      `Scraped ${foodOnly} videos containing the hashtag 'food' (${foodOnly} new)`,
      `Successfully scraped ${24 + foodOnly + 24 + foodOnly} total entries`,
    ]);
    for (const id of ids("travel").filter(isVideo)) {
      const bytes = await readFile(join(data, "travel", "videos", `${id}.mp4`));
      expect(sha256(bytes)).toBe(sha256(fake.corpus.videoBytes(id)));
    }

    const before = dumpTables(data);
    fake.requests.length = 0;
    const second = await runCli(
      ["--data-dir", data, "--json", "download", "travel", "food", "-p", "-v", ...source()],
      env,
    );
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report).toMatchObject({ totalNew: 0, ok: true });
    expect(report.hashtags.map((item: { hashtag: string }) => item.hashtag)).toEqual(["travel", "food"]);
    expect(report.hashtags[0]).toMatchObject({
      posts: { collected: 24, new: 0, total: 24 },
      videos: { downloaded: 0, total: 24 },
    });
    const after = dumpTables(data);
    expect(withoutVolatile(after)).toEqual(withoutVolatile(before));
    expect(after.runs).toHaveLength((before.runs?.length ?? 0) + 2);
    expect(fake.requests.filter((request) => request.host === VIDEO_CDN_HOST)).toEqual([]);
  });

  it.each([
    [
      ["-f", "HASHTAGS"],
      /^error: .*hashtags\.txt line 3: Invalid hashtag "not a tag!": it contains whitespace/u,
    ],
    [["travel", "--limit", "0"], /^error: --limit must be a whole number of at least 1, got "0"$/u],
    [
      ["travel", "--source", "browser", "--browser", "/nonexistent/chrome"],
      /^error: --browser \/nonexistent\/chrome: no such file$/u,
    ],
    [["travel", "--every", "5s"], /^error: --every 5s is too often/u],
    [["../etc"], /^error: Invalid hashtag "\.\.\/etc"/u],
  ])("refuses bad input %j with one line, changing nothing", async (args, message) => {
    const data = dataDir("main");
    const list = join(folder, "hashtags.txt");
    await writeFile(list, "# my hashtags\ntravel\nnot a tag!\nfood\n");
    const before = dumpTables(data);
    const result = await runCli(
      [
        "--data-dir",
        data,
        "download",
        ...args.map((arg) => (arg === "HASHTAGS" ? list : arg)),
        "--proxy",
        fake.proxyUrl,
      ],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(dumpTables(data)).toEqual(before);
    expect(fake.requests).toEqual([]);
  });

  it("survives being killed mid-download: no truncated file, nothing lost, and the next run completes", async () => {
    const data = dataDir("killed");
    const victim = ids("kill").find(isVideo)!;
    // The connection to this video keeps dropping, so the CLI sits in its backoff with a partial .part file.
    fake.addFault({
      host: VIDEO_CDN_HOST,
      path: `/video/tos/${victim}/`,
      times: Number.POSITIVE_INFINITY,
      fault: { kind: "cut-video", afterBytes: 30_000 },
    });
    const cli = startCli(["--data-dir", data, "download", "kill", "-p", "-v", ...source()], env);
    const part = join(data, "kill", "videos", `${victim}.mp4.part`);
    await waitFor(
      async () => ((await stat(part).catch(() => null))?.size ?? 0) > 0 || null,
      60_000,
      "a partial download",
    );
    cli.kill("SIGKILL");
    expect((await cli.result).signal).toBe("SIGKILL");

    const store = openSqliteStore(data);
    try {
      expect(store.countPosts("kill")).toBe(12);
    } finally {
      store.close();
    }
    for (const file of await readdir(join(data, "kill", "videos"))) {
      if (!file.endsWith(".mp4")) continue;
      const size = (await stat(join(data, "kill", "videos", file))).size;
      expect(size).toBe(fake.corpus.videoSize(file.slice(0, -4)));
    }

    fake.clearFaults();
    fake.requests.length = 0;
    const again = await runCli(["--data-dir", data, "download", "kill", "-p", "-v", ...source()], env);
    expect(again.code).toBe(0);
    expect(lines(again.stdout)[1]).toBe("Scraped 12 posts containing the hashtag 'kill' (0 new)");
    const resumed = fake.requests.filter((request) => request.path.startsWith(`/video/tos/${victim}/`));
    expect(resumed.map((request) => request.status)).toEqual([206]);
    expect(resumed[0]?.headers.range).toMatch(/^bytes=[1-9]\d*-$/u);

    const files = await readdir(join(data, "kill", "videos"));
    expect(files.filter((file) => file.endsWith(".part"))).toEqual([]);
    for (const id of ids("kill").filter(isVideo)) {
      const bytes = await readFile(join(data, "kill", "videos", `${id}.mp4`));
      expect(sha256(bytes)).toBe(sha256(fake.corpus.videoBytes(id)));
    }
    const reopened = openSqliteStore(data);
    try {
      expect(reopened.postsWithoutVideo("kill")).toEqual([]);
      expect(reopened.countPosts("kill")).toBe(12);
    } finally {
      reopened.close();
    }
  });

  it("with --every keeps going until SIGINT, then stops cleanly", async () => {
    const data = dataDir("scheduled");
    const cli = startCli(["--data-dir", data, "download", "food", "--every", "1h", ...source()], env);
    await waitFor(
      () => (cli.stdout().includes("Next run at") ? true : null),
      60_000,
      "the first run to finish",
    );
    cli.kill("SIGINT");
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      "Hashtags to scrape: ['food']",
      "Scraped 10 posts containing the hashtag 'food' (10 new)",
      "Successfully scraped 10 total entries",
      expect.stringMatching(
        /^Next run at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in (59m|60m|1h)\); press Ctrl\+C to stop$/u,
      ),
    ]);
    expect(result.stderr).toContain("Stopping (SIGINT)");
  });
});
