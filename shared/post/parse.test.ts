import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { itemsFromHtml } from "./extract-items.ts";
import { parseDocument, parseFoundItem, parseRecord } from "./parse-any.ts";
import { parseItemStruct } from "./parse-item-struct.ts";
import { parseZeeschuimerLine } from "./parse-zeeschuimer-line.ts";
import type { ParseResult, Post } from "./post.ts";

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
const json = (name: string): unknown => JSON.parse(fixture(name));
const posts = (results: ParseResult[]): Post[] =>
  results.flatMap((result) => (result.ok ? [result.post] : []));

describe("web ItemStruct from an item_list response", () => {
  const results = parseDocument(
    json("item-list-response.json"),
    "https://www.tiktok.com/api/challenge/item_list/",
  );
  const [first, second, nullAuthor, gallery, ad] = posts(results);

  it("keeps every post", () => {
    expect(results.every((result) => result.ok)).toBe(true);
    expect(posts(results)).toHaveLength(5);
  });

  it("reads the full model", () => {
    expect(first).toMatchObject({
      id: "7301234567890123456",
      description: "Sunset over the bay #Algeria #travel #fypシ",
      createTime: 1700000000,
      createTimeISO: "2023-11-14T22:13:20.000Z",
      author: {
        id: "6812345678901234567",
        uniqueId: "maria.dz",
        nickname: "Maria ✨",
        verified: false,
        followers: 45100,
      },
      hashtags: ["algeria", "travel", "fypシ"],
      stats: { plays: 20400, likes: 1520, shares: 31, comments: 87, saves: 112 },
      video: {
        duration: 15,
        cover: "https://p16-sign-va.tiktokcdn.com/obj/cover-7301234567890123456.jpeg",
        downloadAddr: "https://v16-webapp-prime.tiktok.com/video/tos/7301234567890123456/download.mp4",
      },
      music: { id: "7234567890123456789", title: "original sound", author: "Maria ✨" },
      isAd: false,
      locationCreated: "DZ",
      images: [],
      source: { kind: "web-api", url: "https://www.tiktok.com/api/challenge/item_list/" },
    });
  });

  it("keeps the raw JSON losslessly", () => {
    const raw = (json("item-list-response.json") as { itemList: unknown[] }).itemList[0];
    expect(first?.raw).toEqual(raw);
  });

  it("normalises non-Latin hashtags and string createTime, and reads mentions", () => {
    expect(second?.hashtags).toEqual(["東京", "travel"]);
    expect(second?.createTime).toBe(1700003600);
    expect(second?.mentions).toEqual(["kenji"]);
  });

  it("survives a null author, absent textExtra and stats only in statsV2", () => {
    expect(nullAuthor?.author).toEqual({
      id: null,
      uniqueId: null,
      nickname: null,
      verified: null,
      secUid: null,
      followers: null,
    });
    expect(nullAuthor?.hashtags).toEqual(["مصر", "travel"]);
    expect(nullAuthor?.stats.plays).toBe(20400);
    expect(nullAuthor?.stats.saves).toBe(112);
  });

  it("reads image galleries and ads", () => {
    expect(gallery?.images).toHaveLength(3);
    expect(gallery?.images[0]).toBe("https://p16-sign.tiktokcdn.com/photo-0.jpeg");
    expect(ad?.isAd).toBe(true);
  });
});

describe("oddly typed input never crashes", () => {
  const source = { kind: "web-api", url: null, collectedAt: null } as const;

  it.each([null, 42, "text", [], true])("rejects %j with a reason", (input) => {
    const result = parseItemStruct(input, source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/expected a post object/);
  });

  it("rejects a post without id, naming why", () => {
    expect(parseItemStruct({ desc: "x" }, source)).toEqual({ ok: false, reason: "post has no id" });
    expect(parseItemStruct({ id: "  " }, source)).toEqual({
      ok: false,
      reason: 'the id "  " has surrounding whitespace',
    });
  });

  it("keeps a post that has only an id", () => {
    const result = parseItemStruct(
      { id: 7, stats: "nope", author: 5, textExtra: {}, challenges: [null, 3] },
      source,
    );
    expect(result.ok && result.post).toMatchObject({
      id: "7",
      description: "",
      hashtags: [],
      createTime: null,
    });
  });

  it("treats millisecond timestamps as seconds", () => {
    const result = parseItemStruct({ id: "1", createTime: 1700000000123 }, source);
    expect(result.ok && result.post.createTime).toBe(1700000000);
  });

  it.each([1e20, "99999999999999999999", "+275760-09-13T00:00:00Z", "1969-07-20T20:17:00Z"])(
    "reads the impossible creation time %s as unknown, not as a date past the store's undated mark",
    (createTime) => {
      const result = parseItemStruct({ id: "1", createTime }, source);
      expect(result.ok && result.post).toMatchObject({ createTime: null, createTimeISO: null });
    },
  );
});

describe("raw posts.json lists", () => {
  it("keeps good posts and rejects one without id", () => {
    const results = parseDocument(json("posts.json"));
    expect(posts(results).map((post) => post.id)).toEqual(["7301234567890123456", "7301234567890123457"]);
    expect(results[2]).toEqual({ ok: false, reason: "post has no id" });
    expect(posts(results)[0]?.source.kind).toBe("posts-json");
  });
});

describe("page rehydration data", () => {
  it("reads webapp.video-detail from a page's __UNIVERSAL_DATA_FOR_REHYDRATION__", () => {
    const found = itemsFromHtml(fixture("video-detail-page.html"));
    expect(found).toHaveLength(1);
    const result = parseFoundItem(found[0]!, "https://www.tiktok.com/@maria.dz/video/1", null);
    expect(result.ok && result.post).toMatchObject({
      id: "7301234567890123456",
      author: { uniqueId: "maria.dz" },
      source: { kind: "web-rehydration" },
    });
  });

  it("reads webapp.updated-items", () => {
    const ids = posts(parseDocument(json("rehydration-updated-items.json"))).map((post) => post.id);
    expect(ids).toEqual(["7301234567890123457", "7301234567890123459"]);
  });

  it("reads SIGI_STATE where author is a plain string, enriched from UserModule", () => {
    const found = itemsFromHtml(fixture("sigi-state-page.html"));
    const [maria, kenji] = posts(found.map((item) => parseFoundItem(item, null, null)));
    expect(maria?.author).toMatchObject({
      uniqueId: "maria.dz",
      nickname: "Maria ✨",
      id: "6812345678901234567",
    });
    expect(kenji?.author).toMatchObject({
      uniqueId: "kenji.tokyo",
      nickname: "健二",
      verified: true,
      followers: 777,
    });
    expect(maria?.source.kind).toBe("sigi-state");
  });

  it("finds nothing in a page without data scripts, or with a broken one", () => {
    expect(itemsFromHtml("<html><body>captcha</body></html>")).toEqual([]);
    expect(itemsFromHtml('<script id="SIGI_STATE">{broken</script>')).toEqual([]);
  });
});

describe("tiktok-scraper items (the seed's data.json)", () => {
  const [cairo, tips, untagged] = posts(parseDocument(json("scraper-data.json")));

  it("maps the collector item", () => {
    expect(cairo).toMatchObject({
      id: "6900000000000000001",
      description: "Hello #Cairo #travel #Egypt",
      createTime: 1600000000,
      author: { uniqueId: "ahmed", nickname: "Ahmed", followers: 2300 },
      hashtags: ["cairo", "travel", "egypt"],
      mentions: ["friend"],
      stats: { plays: 9000, likes: 340, shares: 5, comments: 12, saves: null },
      video: { duration: 12, playAddr: "https://v16-web.tiktok.com/video/6900000000000000001.mp4" },
      music: { id: "6800000000000000001", author: "ahmed" },
      source: { kind: "tiktok-scraper" },
    });
  });

  it("reads string counts and posts without hashtags", () => {
    expect(tips?.createTime).toBe(1600003600);
    expect(untagged?.hashtags).toEqual([]);
    expect(untagged?.stats.likes).toBe(12);
  });

  it("reads tiktok-scraper's {collector: [...]} result", () => {
    expect(parseDocument({ collector: json("scraper-data.json") })).toHaveLength(3);
  });
});

describe("Zeeschuimer NDJSON lines", () => {
  const lines = fixture("zeeschuimer.ndjson").trim().split("\n");

  it("reads data and keeps the whole record as raw", () => {
    const result = parseZeeschuimerLine(lines[0]!);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post).toMatchObject({
      id: "7301234567890123456",
      hashtags: ["algeria", "travel", "fypシ"],
      source: {
        kind: "zeeschuimer",
        url: "https://www.tiktok.com/tag/travel",
        collectedAt: "2023-11-16T02:00:00.000Z",
      },
    });
    expect(result.post.raw).toEqual(JSON.parse(lines[0]!));
  });

  it("is recognised by parseRecord", () => {
    const result = parseRecord(JSON.parse(lines[2]!));
    expect(result.ok && result.post.source.kind).toBe("zeeschuimer");
  });

  it("reports a broken line", () => {
    const result = parseZeeschuimerLine('{"data": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/not valid JSON/);
    expect(parseZeeschuimerLine('{"timestamp_collected": 1}')).toMatchObject({ ok: false });
  });
});
