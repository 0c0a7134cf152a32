/**
 * Hostile paths: post ids, hashtags and symbolic links that try to make the companion write (or read) outside
 * its data folder. Every case must be refused with its reason and leave no file outside. End to end against
 * test/fake-tiktok and the real CLI; run with `npx vitest run test/security`.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { parseDocument } from "../../shared/post/parse-any.ts";
import { isGallery, type Post } from "../../shared/post/post.ts";
import { runCli as runImport, seedFolder, tempFolders } from "../cli/cli-harness.ts";
import { lines, runCli } from "../download/run-cli.ts";
import { type FakeTikTok, startFakeTikTok } from "../fake-tiktok/index.ts";

const UNIQUE = `tha-escape-${process.pid}-${Date.now()}`;
/** Ids that, joined to data/<tag>/videos/, lead out: far up to /tmp, relative, absolute, the issue's own. */
const HOSTILE_IDS = [
  `${"../".repeat(16)}tmp/${UNIQUE}-far`,
  "../../../escaped",
  `/tmp/${UNIQUE}-absolute`,
  "../../../../tmp/x",
];
/** Where those ids would put files if anything let them through. */
const ESCAPES = [
  `/tmp/${UNIQUE}-far.mp4`,
  `/tmp/${UNIQUE}-far.mp4.part`,
  `/tmp/${UNIQUE}-absolute.mp4`,
  `/tmp/${UNIQUE}-absolute.mp4.part`,
];

let fake: FakeTikTok;
let folder: string;
let env: NodeJS.ProcessEnv;
const temp = tempFolders();
// The issue's own example: if it were there before the test, its absence afterwards proves nothing.
const tmpXBefore = existsSync("/tmp/x.mp4");

const source = () => ["--source", "scraper", "--proxy", fake.proxyUrl, "--delay", "0"];

/** A data folder inside its own parent, so anything written beside it shows in the parent. */
const freshDataDir = async (): Promise<{ parent: string; data: string }> => {
  const parent = await mkdtemp(join(folder, "case-"));
  const data = join(parent, "data");
  await mkdir(data);
  return { parent, data };
};

const expectNothingOutside = async (parent: string) => {
  expect(await readdir(parent)).toEqual(["data"]);
  for (const path of ESCAPES) expect(existsSync(path), path).toBe(false);
  if (!tmpXBefore) expect(existsSync("/tmp/x.mp4")).toBe(false);
};

beforeAll(async () => {
  fake = await startFakeTikTok({ seed: 5, tags: { escape: 8 }, hostileIds: HOSTILE_IDS });
  folder = await mkdtemp(join(tmpdir(), "security-paths-"));
  await writeFile(join(folder, "fake-ca.pem"), fake.caCertificate);
  env = { NODE_EXTRA_CA_CERTS: join(folder, "fake-ca.pem") };
});

afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
  temp.cleanup();
});

describe("hostile post ids from a TikTok response", () => {
  it("download -p -v: the items with path ids are refused, the others collected and downloaded, nothing outside", async () => {
    const { parent, data } = await freshDataDir();
    const result = await runCli(["--data-dir", data, "download", "escape", "-p", "-v", ...source()], env);
    await expectNothingOutside(parent);
    const store = openSqliteStore(data);
    try {
      for (const id of HOSTILE_IDS) expect(store.getPost(id), id).toBeUndefined();
      expect(store.countPosts("escape")).toBe(8 - HOSTILE_IDS.length);
      expect(store.postsWithoutVideo("escape")).toEqual([]);
    } finally {
      store.close();
    }
    expect(lines(result.stdout)[1]).toBe(
      `Scraped ${8 - HOSTILE_IDS.length} posts containing the hashtag 'escape' (${8 - HOSTILE_IDS.length} new)`,
    );
  });

  it("download -v of stored posts whose ids are paths (the second layer): refused, said so, exit 1, nothing outside", async () => {
    const { parent, data } = await freshDataDir();
    // Stored as if an older version or another tool had let them in; the media layer must refuse on its own.
    const real = parseDocument({ itemList: fake.corpus.posts("escape") })
      .flatMap((result) => (result.ok ? [result.post] : []))
      .filter((post) => !isGallery(post));
    const hostile: Post[] = HOSTILE_IDS.map((id, index) => ({ ...(real[index] as Post), id }));
    const store = openSqliteStore(data);
    try {
      store.upsertPosts("escape", hostile);
    } finally {
      store.close();
    }
    const result = await runCli(["--data-dir", data, "download", "escape", "-v", ...source()], env);
    await expectNothingOutside(parent);
    expect(result.code).toBe(1);
    for (const id of HOSTILE_IDS)
      expect(result.stderr).toContain(`warning: post ${id}: refusing to download its media: the id`);
    expect(lines(result.stdout).at(-1)).toMatch(
      /^Finished with errors, 0 new entries stored; #escape: 4 videos failed, first: refusing to download/u,
    );
  });
});

describe("symbolic links", () => {
  it("download -v refuses a videos folder linked to outside the data folder", async () => {
    const { parent, data } = await freshDataDir();
    const outside = await mkdtemp(join(folder, "outside-"));
    await mkdir(join(data, "escape"));
    await symlink(outside, join(data, "escape", "videos"));
    const result = await runCli(["--data-dir", data, "download", "escape", "-p", "-v", ...source()], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/leads through a symbolic link to outside the data folder/u);
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(parent)).toEqual(["data"]);
  });

  it("import refuses a seed video linked to a file outside the seed folder, and copies nothing", async () => {
    const root = seedFolder(temp);
    const secret = join(temp.make(), "secret");
    await writeFile(secret, "not for the data folder\n");
    const video = join(root, "travel", "videos", "6900000000000000002.mp4");
    await symlink(secret, video);
    const data = join(temp.make(), "data");
    const result = await runImport(["--data-dir", data, "import", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: Not importing the seed video ${video}: Refusing path`);
    expect(existsSync(join(data, "travel", "videos", "6900000000000000002.mp4"))).toBe(false);
  });

  it("import refuses a seed hashtag folder linked to outside the seed folder", async () => {
    const root = seedFolder(temp);
    const elsewhere = join(temp.make(), "food");
    await mkdir(join(elsewhere, "posts"), { recursive: true });
    await writeFile(join(elsewhere, "posts", "data.json"), "[]");
    await symlink(elsewhere, join(root, "food"));
    const result = await runImport(["--data-dir", join(temp.make(), "data"), "import", root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Seed folder ${join(root, "food")} is a symbolic link to outside`);
  });
});

describe("hostile hashtags as folder names", () => {
  it.each([
    ["../escape", /'\.\.'/u],
    ["a/b", /path separator/u],
    ["😀".repeat(60), /240 bytes in UTF-8/u],
  ])("download refuses %j before anything is written", async (hashtag, why) => {
    const { parent, data } = await freshDataDir();
    const result = await runCli(["--data-dir", data, "download", hashtag, "-v", ...source()], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(why);
    expect(await readdir(parent)).toEqual(["data"]);
  });
});
