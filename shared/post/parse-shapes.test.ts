import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJson } from "../json/parse-json.ts";
import { itemsFromHtml } from "./extract-items.ts";
import { parseDocument, parseFoundItem, parseRecord } from "./parse-any.ts";
import type { ParseResult, Post } from "./post.ts";

const text = (name: string) => readFileSync(new URL(`fixtures/shapes/${name}`, import.meta.url), "utf8");
const document = (name: string) => parseDocument(parseJson(text(name)));
const posts = (results: ParseResult[]): Post[] => {
  const failed = results.filter((result) => !result.ok);
  expect(failed).toEqual([]);
  return results.flatMap((result) => (result.ok ? [result.post] : []));
};

describe("__NEXT_DATA__ (2019-2021 pages)", () => {
  it("reads a video page's itemInfo.itemStruct from the saved HTML", () => {
    const found = itemsFromHtml(text("next-data-video-page.html"));
    const [post] = posts(found.map((item) => parseFoundItem(item, null, null)));
    expect(found).toHaveLength(1);
    expect(post).toMatchObject({ id: "7301234567890123460", source: { kind: "next-data" } });
  });

  it("reads a tag page's props.pageProps.items from the script's JSON", () => {
    expect(posts(document("next-data-tag-page.json")).map((post) => post.id)).toEqual([
      "7301234567890123461",
      "7301234567890123462",
    ]);
  });
});

describe("the 2020 web API's itemListData", () => {
  const [first, second] = posts(document("web-api-2020.json"));

  it("maps itemInfos, authorInfos, musicInfos and challengeInfoList, with string numbers read", () => {
    expect(first).toMatchObject({
      id: "6824194134115486982",
      description: "Old times #travel #tbt @kenji",
      createTime: 1588881514,
      createTimeISO: "2020-05-07T19:58:34.000Z",
      author: {
        id: "164590837333524480",
        uniqueId: "old.timer",
        nickname: "Old Timer",
        verified: true,
        secUid: "MS4wLjABAAAAold",
        followers: 120000,
      },
      hashtags: ["travel", "tbt"],
      mentions: ["kenji"],
      stats: { plays: 6000000, likes: 1000000, shares: 2320, comments: 1652, saves: null },
      video: { duration: 14, width: 540, height: 960, playAddr: "https://v19.muscdn.com/video.mp4" },
      music: {
        id: "6822243166939368198",
        title: "original sound",
        playUrl: "https://sf16.muscdn.com/music.mp3",
      },
      source: { kind: "web-api-2020" },
    });
    expect(first?.raw).toHaveProperty("itemInfos");
  });

  it("keeps a bare-number id exact and survives missing author and music", () => {
    expect(second).toMatchObject({
      id: "6824194134115486983",
      author: { uniqueId: null },
      stats: { likes: 5 },
    });
  });
});

describe("search responses", () => {
  it("takes the {type: 1, item} entries and skips users and other entry types", () => {
    const found = posts(document("search-response.json"));
    expect(found.map((post) => [post.id, post.hashtags])).toEqual([
      ["7301234567890123463", ["food", "fyp"]],
      ["7301234567890123464", ["food", "fyp"]],
    ]);
  });
});

describe("envelopes from API resellers and wrappers", () => {
  it.each([
    ["{code, msg, data: {itemList}}", "envelope-data-itemlist.json", ["7301234567890123465"]],
    [
      "{status, data: {data: [...]}}",
      "envelope-data-data.json",
      ["7301234567890123466", "7301234567890123467"],
    ],
    ["yt-dlp's {aweme_detail}", "aweme-detail.json", ["7300000000000000777"]],
  ])("finds the posts in %s", (_, name, ids) => {
    expect(posts(document(name)).map((post) => post.id)).toEqual(ids);
  });

  it("reads the mobile API's aweme struct", () => {
    const [post] = posts(document("aweme-detail.json"));
    expect(post).toMatchObject({
      description: "From the app #travel",
      author: { id: "6800000000000000001", uniqueId: "app.user", verified: false, followers: 42 },
      hashtags: ["travel"],
      stats: { plays: 100, likes: 10, shares: 1, comments: 2, saves: 4 },
      video: { duration: 15, playAddr: "https://v.example/aweme.mp4" },
      music: { id: "6900000000000000002", title: "song" },
      locationCreated: "FR",
      source: { kind: "aweme" },
    });
  });

  it("goes no deeper than two levels, and never takes lists that are not posts", () => {
    const unknown = {
      ok: false,
      reason: expect.stringMatching(/^not a post or a known TikTok response: an object with the keys/u),
    };
    expect(parseDocument({ a: { data: { itemList: [{ id: "1" }] } } })).toEqual([unknown]);
    expect(parseDocument({ data: { data: { data: [{ id: "2" }] } } })).toEqual([unknown]);
    expect(parseDocument({ data: { users: [{ id: "3" }] } })).toEqual([unknown]);
  });
});

describe("TikTok Research API", () => {
  it("reads a /v2/research/video/query/ response with ids above 2^53 exact", () => {
    const found = posts(document("research-api-response.json"));
    expect(found.map((post) => post.id)).toEqual(["7412345678901234567", "7412345678901234568"]);
    expect(BigInt(found[0]?.id ?? 0)).toBeGreaterThan(2n ** 53n);
    expect(found[0]).toMatchObject({
      description: "Sunset #travel #algeria",
      createTime: 1700000000,
      author: { uniqueId: "maria.dz" },
      hashtags: ["travel", "algeria"],
      stats: { plays: 1234567, likes: 59149, shares: 3, comments: 12, saves: 77 },
      video: { duration: 15 },
      music: { id: "6900000000000000001" },
      locationCreated: "DZ",
      source: { kind: "research-api" },
    });
  });

  it("reads its NDJSON lines one video each, ids exact", () => {
    const lines = text("research-api.ndjson").trim().split("\n");
    expect(
      lines.map((line) => parseRecord(parseJson(line))).map((result) => result.ok && result.post.id),
    ).toEqual(["7412345678901234569", "7412345678901234570"]);
  });

  it("accepts video_id as the id field and refuses a rounded id", () => {
    expect(parseRecord({ video_id: "7412345678901234567", video_description: "x" })).toMatchObject({
      ok: true,
      post: { id: "7412345678901234567" },
    });
    // What a double-based parser (JSON.parse) made of the id.
    const rounded = JSON.parse('{"id":7412345678901234567,"video_description":"x"}');
    expect(parseRecord(rounded)).toEqual({
      ok: false,
      reason: expect.stringMatching(/beyond 2\^53/u),
    });
  });
});

describe("records are read as themselves before any envelope", () => {
  it("keeps a Zeeschuimer record's source instead of reading its data as an enveloped post", () => {
    const [result] = parseDocument({
      data: { id: "1" },
      timestamp_collected: 1700000000000,
      source_platform_url: "https://www.tiktok.com/tag/travel",
    });
    expect(result).toMatchObject({
      ok: true,
      post: { source: { kind: "zeeschuimer", url: "https://www.tiktok.com/tag/travel" } },
    });
  });
});

describe("Apify's TikTok scraper JSON", () => {
  it("reads createTimeISO and the media in videoMeta when tiktok-scraper's fields are absent", () => {
    const result = parseRecord({
      id: "7301234567890123456",
      text: "x #travel",
      createTimeISO: "2023-11-14T22:13:20.000Z",
      authorMeta: { name: "maria.dz" },
      hashtags: [{ name: "travel" }],
      collectCount: 4519,
      videoMeta: {
        coverUrl: "https://p.example/c.jpeg",
        downloadAddr: "https://v.example/d.mp4",
        duration: 15,
      },
      webVideoUrl: "https://www.tiktok.com/@maria.dz/video/7301234567890123456",
    });
    expect(result).toMatchObject({
      ok: true,
      post: {
        createTime: 1700000000,
        stats: { saves: 4519 },
        video: { cover: "https://p.example/c.jpeg", downloadAddr: "https://v.example/d.mp4", duration: 15 },
      },
    });
  });
});
