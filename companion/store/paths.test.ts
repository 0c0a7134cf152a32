import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertInside, databasePath, hashtagDir, plotsDir, resolveInside, videosDir } from "./paths.ts";

describe("data folder paths", () => {
  const data = "/srv/data";

  it("builds the per-hashtag folders from the normalised hashtag", () => {
    expect(hashtagDir(data, "#Travel")).toBe(join(data, "travel"));
    expect(videosDir(data, "東京")).toBe(join(data, "東京", "videos"));
    expect(plotsDir(data, "travel")).toBe(join(data, "travel", "plots"));
    expect(databasePath("relative/data")).toBe(resolve("relative/data", "tiktok.db"));
  });

  it.each(["..", "../etc", "a/b", "/etc", "", "a b"])("refuses the hashtag %j", (hashtag) => {
    expect(() => hashtagDir(data, hashtag)).toThrow(/Invalid hashtag/);
  });

  it("refuses any path that resolves outside the data folder", () => {
    expect(assertInside(data, "travel/videos/1.mp4")).toBe(join(data, "travel", "videos", "1.mp4"));
    expect(assertInside(data, "..data/x")).toBe(join(data, "..data", "x"));
    expect(() => assertInside(data, "../data2/x")).toThrow(/outside the data folder/);
    expect(() => assertInside(data, "/etc/passwd")).toThrow(/outside the data folder/);
  });
});

describe("resolveInside: checked where the path really leads, before any I/O", () => {
  let parent: string;
  let data: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), "paths-"));
    data = join(parent, "data");
    await mkdir(join(data, "travel"), { recursive: true });
    await mkdir(join(parent, "outside"));
  });

  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it("accepts files and folders that do not exist yet, spelled relative or absolute", async () => {
    expect(await resolveInside(data, "travel/videos/1.mp4")).toBe(join(data, "travel", "videos", "1.mp4"));
    expect(await resolveInside(data, join(data, "new", "deep", "x"))).toBe(join(data, "new", "deep", "x"));
  });

  it("accepts links that stay inside, and a data folder reached through a link", async () => {
    await symlink(join(data, "travel"), join(data, "alias"));
    expect(await resolveInside(data, "alias/videos/1.mp4")).toBe(join(data, "alias", "videos", "1.mp4"));
    await symlink(data, join(parent, "data-link"));
    const viaLink = join(parent, "data-link");
    expect(await resolveInside(viaLink, "travel/1.mp4")).toBe(join(viaLink, "travel", "1.mp4"));
  });

  it.each(["../outside/x", "/etc/passwd", "travel/../../outside"])(
    "refuses %j by its spelling",
    async (path) => {
      await expect(resolveInside(data, path)).rejects.toThrow(/it is outside the data folder/u);
    },
  );

  it("refuses a folder on the way that links outside", async () => {
    await symlink(join(parent, "outside"), join(data, "travel", "videos"));
    await expect(resolveInside(data, "travel/videos/1.mp4")).rejects.toThrow(
      /leads through a symbolic link to outside the data folder/u,
    );
    await expect(resolveInside(data, "travel/videos/new/1.mp4")).rejects.toThrow(/symbolic link/u);
  });

  it("refuses a file that links outside, and a link to nowhere (open would create its target)", async () => {
    await symlink("/etc/passwd", join(data, "travel", "1.mp4"));
    await expect(resolveInside(data, "travel/1.mp4")).rejects.toThrow(/to outside/u);
    await symlink(join(parent, "outside", "new"), join(data, "travel", "2.mp4.part"));
    await expect(resolveInside(data, "travel/2.mp4.part")).rejects.toThrow(/symbolic link to nowhere/u);
    await symlink("2.mp4.part", join(data, "travel", "3.mp4"));
    await expect(resolveInside(data, "travel/3.mp4")).rejects.toThrow(/symbolic link to nowhere/u);
  });

  it("names what it guards in the error", async () => {
    await expect(resolveInside(data, "../x", "the seed folder")).rejects.toThrow(
      `Refusing path "../x": it is outside the seed folder ${data}`,
    );
  });
});
