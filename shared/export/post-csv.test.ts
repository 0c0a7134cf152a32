import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../post/parse-any.ts";
import type { Post } from "../post/post.ts";
import { POST_CSV_COLUMNS, postCsvHeader, postCsvRecord, postsToCsv } from "./post-csv.ts";

const posts: Post[] = parseDocument(
  JSON.parse(readFileSync(new URL("../post/fixtures/item-list-response.json", import.meta.url), "utf8")),
).flatMap((result) => (result.ok ? [result.post] : []));

describe("post CSV", () => {
  it("has 4CAT's TikTok columns first, in 4CAT's order", () => {
    expect(POST_CSV_COLUMNS.slice(0, 6)).toEqual([
      "id",
      "author",
      "author_full",
      "author_id",
      "author_followers",
      "body",
    ]);
    expect(POST_CSV_COLUMNS).toEqual(
      expect.arrayContaining([
        "timestamp",
        "music_name",
        "music_id",
        "video_url",
        "tiktok_url",
        "thumbnail_url",
        "likes",
        "comments",
        "shares",
        "plays",
        "hashtags",
        "saves",
        "is_ad",
        "location",
        "images",
      ]),
    );
    expect(postCsvHeader()).toBe(`${POST_CSV_COLUMNS.join(",")}\r\n`);
  });

  it("maps a post as 4CAT does", () => {
    expect(postCsvRecord(posts[0] as Post)).toEqual({
      id: "7301234567890123456",
      author: "maria.dz",
      author_full: "Maria ✨",
      author_id: "6812345678901234567",
      author_followers: 45100,
      body: "Sunset over the bay #Algeria #travel #fypシ",
      timestamp: "2023-11-14 22:13:20",
      unix_timestamp: 1700000000,
      music_name: "original sound",
      music_id: "7234567890123456789",
      video_url: "https://v16-webapp-prime.tiktok.com/video/tos/7301234567890123456/download.mp4",
      tiktok_url: "https://www.tiktok.com/@maria.dz/video/7301234567890123456",
      thumbnail_url: "https://p16-sign-va.tiktokcdn.com/obj/cover-7301234567890123456.jpeg",
      likes: 1520,
      comments: 87,
      shares: 31,
      plays: 20400,
      hashtags: "algeria,travel,fypシ",
      saves: 112,
      is_ad: "no",
      location: "DZ",
      images: "",
    });
  });

  it("writes unknown values as empty cells, galleries' images and ads", () => {
    const [, , nullAuthor, gallery, ad] = posts;
    expect(postCsvRecord(nullAuthor as Post)).toMatchObject({ author: null, author_full: null });
    expect((postCsvRecord(gallery as Post).images as string).split(",")).toHaveLength(3);
    expect(postCsvRecord(ad as Post).is_ad).toBe("yes");
    const text = postsToCsv(posts);
    expect(text.split("\r\n")).toHaveLength(posts.length + 2);
  });

  it("leaves the date empty rather than failing on a creation time no Date can hold", () => {
    const stored = { ...(posts[0] as Post), createTime: 1e17 };
    expect(postCsvRecord(stored)).toMatchObject({ timestamp: "", unix_timestamp: 1e17 });
  });
});
