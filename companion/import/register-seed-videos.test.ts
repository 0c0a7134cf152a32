import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { makePost } from "../store/testing/make-post.ts";
import { registerSeedVideos } from "./register-seed-videos.ts";
import { readSeedLayout } from "./seed-folder.ts";

const ID = "6900000000000000001";
let parent: string;
let seed: string;
let store: CompanionStore;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "seed-videos-"));
  seed = join(parent, "seed");
  await mkdir(join(seed, "travel", "posts"), { recursive: true });
  await writeFile(join(seed, "travel", "posts", "data.json"), "[]");
  await mkdir(join(parent, "outside"));
  await writeFile(join(parent, "outside", "secret"), "not a video\n");
  await mkdir(join(parent, "data"));
  store = openSqliteStore(join(parent, "data"));
  store.upsertPosts("travel", [makePost({ id: ID, hashtags: ["travel"] })]);
});

afterEach(async () => {
  store.close();
  await rm(parent, { recursive: true, force: true });
});

const dataVideos = async () => readdir(join(parent, "data", "travel", "videos")).catch(() => []);

describe("registerSeedVideos", () => {
  it("copies a seed video into the data folder and records it", async () => {
    await mkdir(join(seed, "travel", "videos"));
    await writeFile(join(seed, "travel", "videos", `${ID}.mp4`), "mp4 bytes");
    expect(await registerSeedVideos(store, seed, "travel")).toBe(1);
    expect(await readFile(join(parent, "data", "travel", "videos", `${ID}.mp4`), "utf8")).toBe("mp4 bytes");
    expect(store.videoFor(ID)?.path).toBe(`travel/videos/${ID}.mp4`);
  });

  it("refuses a seed video that is a symbolic link to outside the seed folder", async () => {
    await mkdir(join(seed, "travel", "videos"));
    await symlink(join(parent, "outside", "secret"), join(seed, "travel", "videos", `${ID}.mp4`));
    await expect(registerSeedVideos(store, seed, "travel")).rejects.toThrow(
      `Not importing the seed video ${join(seed, "travel", "videos", `${ID}.mp4`)}: Refusing path`,
    );
    expect(await dataVideos()).toEqual([]);
    expect(store.videoFor(ID)).toBeUndefined();
  });

  it("refuses a videos folder that is a symbolic link to outside", async () => {
    await symlink(join(parent, "outside"), join(seed, "travel", "videos"));
    await writeFile(join(parent, "outside", `${ID}.mp4`), "someone else's file");
    await expect(registerSeedVideos(store, seed, "travel")).rejects.toThrow(
      /symbolic link to outside the seed folder/u,
    );
    expect(await dataVideos()).toEqual([]);
  });

  it("refuses what is not a regular file", async () => {
    await mkdir(join(seed, "travel", "videos", `${ID}.mp4`), { recursive: true });
    await expect(registerSeedVideos(store, seed, "travel")).rejects.toThrow(/it is not a regular file/u);
  });

  it("refuses a hashtag (from the seed's ids file) that would name a folder outside", async () => {
    await expect(registerSeedVideos(store, seed, "../outside")).rejects.toThrow(/Invalid hashtag/u);
  });
});

describe("readSeedLayout", () => {
  it("refuses a <hashtag> folder that is a symbolic link to outside the seed folder", async () => {
    await mkdir(join(parent, "outside", "posts"));
    await writeFile(join(parent, "outside", "posts", "data.json"), "[]");
    await symlink(join(parent, "outside"), join(seed, "food"));
    expect(() => readSeedLayout(seed)).toThrow(
      `Seed folder ${join(seed, "food")} is a symbolic link to outside`,
    );
  });
});
