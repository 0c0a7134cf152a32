import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashtagFromUrl } from "../hashtag/tag-page-url.ts";
import { parseDocument } from "../post/parse-any.ts";
import { parseItemStruct } from "../post/parse-item-struct.ts";
import { parseScraperItem } from "../post/parse-scraper-item.ts";
import { parseZeeschuimerLine } from "../post/parse-zeeschuimer-line.ts";
import type { ParseResult, Post } from "../post/post.ts";
import { toItemStruct } from "./to-item-struct.ts";
import { toScraperItem } from "./to-scraper-item.ts";
import { toZeeschuimerLine, toZeeschuimerRecord } from "./zeeschuimer-ndjson.ts";

const fixture = (name: string) => readFileSync(new URL(`../post/fixtures/${name}`, import.meta.url), "utf8");
const ok = (results: ParseResult[]): Post[] => results.flatMap((result) => (result.ok ? [result.post] : []));
const webPosts = ok(parseDocument(JSON.parse(fixture("item-list-response.json"))));
const scraperPosts = ok(parseDocument(JSON.parse(fixture("scraper-data.json"))));
const zeeschuimerLines = fixture("zeeschuimer.ndjson").trim().split("\n");
const zeeschuimerPosts = ok(zeeschuimerLines.map(parseZeeschuimerLine));

/** The model without what only says where it came from. */
const content = ({ source: _source, raw: _raw, ...post }: Post) => post;
const parsed = (result: ParseResult): Post => {
  if (!result.ok) throw new Error(result.reason);
  return result.post;
};
const webSource = { kind: "web-api", url: null, collectedAt: null } as const;
const scraperSource = { kind: "tiktok-scraper", url: null, collectedAt: null } as const;

describe("toItemStruct", () => {
  it("returns a web post's own raw item, and a Zeeschuimer post's data", () => {
    expect(toItemStruct(webPosts[0] as Post)).toBe((webPosts[0] as Post).raw);
    expect(toItemStruct(zeeschuimerPosts[0] as Post)).toEqual(JSON.parse(zeeschuimerLines[0] ?? "").data);
  });

  it("builds one for tiktok-scraper posts that parses back to the same post", () => {
    for (const post of scraperPosts)
      expect(content(parsed(parseItemStruct(toItemStruct(post), webSource)))).toEqual(content(post));
  });

  it("gives 4CAT the keys it reads", () => {
    const item = toItemStruct(scraperPosts[0] as Post);
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(["id", "desc", "createTime", "author", "stats", "video", "music"]),
    );
    expect(item.createTime).toBe(1600000000);
  });
});

describe("toScraperItem", () => {
  it("returns a tiktok-scraper post's own raw item", () => {
    expect(toScraperItem(scraperPosts[0] as Post)).toBe((scraperPosts[0] as Post).raw);
  });

  it("builds one for web posts that parses back to the same post", () => {
    for (const post of webPosts)
      expect(content(parsed(parseScraperItem(toScraperItem(post), scraperSource)))).toEqual(content(post));
  });

  it("lists hashtags by name, as the seed's analysis reads them", () => {
    expect(toScraperItem(webPosts[0] as Post).hashtags).toEqual([
      { id: "0", name: "algeria", title: "", cover: "" },
      { id: "1", name: "travel", title: "", cover: "" },
      { id: "2", name: "fypシ", title: "", cover: "" },
    ]);
  });
});

describe("Zeeschuimer NDJSON", () => {
  const options = { hashtag: "travel", collectedAt: "2024-05-01T10:00:00.000Z" };

  it("writes a Zeeschuimer post back exactly as it was read", () => {
    expect(toZeeschuimerLine(zeeschuimerPosts[1] as Post, options)).toBe(
      `${JSON.stringify(JSON.parse(zeeschuimerLines[1] ?? ""))}\n`,
    );
  });

  it("points a Zeeschuimer post captured on another page at the exported hashtag's tag page", () => {
    const post = zeeschuimerPosts[1] as Post;
    const record = toZeeschuimerRecord(post, { ...options, hashtag: "東京" });
    const original = JSON.parse(zeeschuimerLines[1] ?? "") as Record<string, unknown>;
    expect(record).toEqual({
      ...original,
      source_platform_url: "https://www.tiktok.com/tag/%E6%9D%B1%E4%BA%AC",
    });
    const back = parsed(parseZeeschuimerLine(toZeeschuimerLine(post, { ...options, hashtag: "東京" })));
    expect(hashtagFromUrl(back.source.url)).toBe("東京");
    expect(content(back)).toEqual(content(post));
  });

  it("wraps other posts in Zeeschuimer's record, which parses back to the same post", () => {
    const record = toZeeschuimerRecord(scraperPosts[0] as Post, options);
    expect(record).toMatchObject({
      id: "6900000000000000001",
      thread_id: "6900000000000000001",
      timestamp_collected: Date.parse("2024-05-01T10:00:00.000Z"),
      source_platform: "tiktok.com",
      source_platform_url: "https://www.tiktok.com/tag/travel",
      source_url: "https://www.tiktok.com/tag/travel",
    });
    const back = parsed(parseZeeschuimerLine(toZeeschuimerLine(scraperPosts[0] as Post, options)));
    expect(content(back)).toEqual(content(scraperPosts[0] as Post));
    expect(back.source).toEqual({
      kind: "zeeschuimer",
      url: "https://www.tiktok.com/tag/travel",
      collectedAt: "2024-05-01T10:00:00.000Z",
    });
  });

  it("keeps the post's own collection time and source URL when it has them", () => {
    const post = {
      ...(webPosts[0] as Post),
      source: {
        kind: "web-api",
        url: "https://www.tiktok.com/api/x",
        collectedAt: "2023-01-01T00:00:00.000Z",
      },
    } as Post;
    expect(toZeeschuimerRecord(post, options)).toMatchObject({
      timestamp_collected: Date.parse("2023-01-01T00:00:00.000Z"),
      source_url: "https://www.tiktok.com/api/x",
      data: post.raw,
    });
  });
});
