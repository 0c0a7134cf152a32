import { describe, expect, it } from "vitest";
import { hashtagFromUrl, tagPageUrl } from "./tag-page-url.ts";

describe("hashtagFromUrl", () => {
  it.each([
    ["https://www.tiktok.com/tag/travel", "travel"],
    ["https://www.tiktok.com/tag/Travel?lang=en", "travel"],
    ["https://m.tiktok.com/tag/%E6%9D%B1%E4%BA%AC/", "東京"],
    ["https://www.tiktok.com/@maria/video/1", null],
    ["https://www.tiktok.com/api/challenge/item_list/?challengeID=7001", null],
    ["https://evil.example/tag/travel", null],
    ["https://www.tiktok.com/tag/%E0%A4%A", null],
    ["https://www.tiktok.com/tag/a%2Fb", null],
    ["not a url", null],
    [null, null],
  ])("%s -> %s", (url, hashtag) => {
    expect(hashtagFromUrl(url)).toBe(hashtag);
  });
});

describe("tagPageUrl", () => {
  it.each(["travel", "東京", "fypシ"])("%s reads back as itself", (hashtag) => {
    expect(hashtagFromUrl(tagPageUrl(hashtag))).toBe(hashtag);
  });
});
