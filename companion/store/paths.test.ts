import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { assertInside, databasePath, hashtagDir, plotsDir, videosDir } from "./paths.ts";

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
