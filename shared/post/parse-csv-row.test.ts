import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { postCsvHeader, postCsvLine } from "../export/post-csv.ts";
import { parseDocument } from "./parse-any.ts";
import { type CsvDialect, csvDialect, parseCsvRow, unflatten } from "./parse-csv-row.ts";
import type { ParseResult } from "./post.ts";

const rows = (text: string) => {
  const [header = [], ...body] = parse(text, { bom: true }) as string[][];
  const dialect = csvDialect(header);
  if (!dialect.ok) throw new Error(dialect.reason);
  return {
    dialect: dialect.dialect,
    results: body.map((cells) =>
      parseCsvRow(
        Object.fromEntries(header.map((column, index) => [column, cells[index] ?? ""])),
        dialect.dialect,
      ),
    ),
  };
};
const fixture = (name: string) => readFileSync(new URL(`fixtures/csv/${name}`, import.meta.url), "utf8");
const ok = (result: ParseResult | undefined) => {
  if (!result?.ok) throw new Error(result?.reason ?? "missing");
  return result.post;
};

describe("tiktok-scraper's CSV (json2csv, dotted columns, arrays as JSON)", () => {
  const { dialect, results } = rows(fixture("tiktok-scraper.csv"));

  it("maps onto the model like its JSON", () => {
    expect(dialect).toBe<CsvDialect>("flattened");
    expect(ok(results[0])).toMatchObject({
      id: "6900000000000000101",
      description: "Cairo nights #cairo #egypt @kenji",
      createTime: 1609459200,
      author: {
        id: "6800000000000000001",
        uniqueId: "nour.eg",
        nickname: "Nour",
        verified: false,
        followers: 5400,
      },
      hashtags: ["cairo", "egypt"],
      mentions: ["kenji"],
      stats: { plays: 40000, likes: 1500, shares: 20, comments: 33 },
      video: { duration: 15, playAddr: "https://v16.example/1.mp4", cover: "https://p16.example/c1.jpeg" },
      music: { id: "6900000000000000999", title: "original sound" },
      source: { kind: "csv", url: "https://www.tiktok.com/@nour.eg/video/6900000000000000101" },
    });
  });

  it("keeps text that starts like a formula as text", () => {
    expect(ok(results[1]).description).toBe("=1+1 looks like a formula");
  });
});

describe("Apify's TikTok scraper CSV (slash columns, one per array index)", () => {
  const { results } = rows(fixture("apify-tiktok-scraper.csv"));

  it("rebuilds the nested post", () => {
    expect(ok(results[0])).toMatchObject({
      id: "7301234567890123456",
      createTime: 1700000000,
      author: { uniqueId: "maria.dz", followers: 12034, verified: false },
      hashtags: ["travel", "algeria"],
      mentions: ["kenji"],
      stats: { plays: 1234567, likes: 59149, shares: 1012, comments: 2345, saves: 4519 },
    });
    expect(ok(results[0]).video.cover).toBe("https://p16.example/c.jpeg");
    expect(ok(results[1]).hashtags).toEqual(["東京"]);
  });
});

describe("4CAT's TikTok CSV", () => {
  const { dialect, results } = rows(fixture("4cat-tiktok.csv"));

  it("maps its columns, multi-line text included", () => {
    expect(dialect).toBe<CsvDialect>("4cat");
    expect(ok(results[0])).toMatchObject({
      id: "7301234567890123460",
      description: "Sunset over the bay\nsecond line #travel #algeria",
      createTime: 1700000000,
      author: { uniqueId: "maria.dz", nickname: "Maria", followers: 12034 },
      hashtags: ["travel", "algeria"],
      stats: { plays: 1234567, likes: 59149, shares: 1012, comments: 2345, saves: null },
      music: { id: "6900000000000000001", playUrl: "https://sf16.example/m.mp3" },
      locationCreated: "DZ",
      isAd: false,
    });
  });

  it("refuses ids a spreadsheet turned into 7,35E+18 or 7.35E+18, saying why", () => {
    expect(results[1]).toEqual({
      ok: false,
      reason: expect.stringMatching(/"7,35E\+18" is in exponent notation \(as a spreadsheet/u),
    });
    expect(results[2]).toEqual({
      ok: false,
      reason: expect.stringMatching(/"7\.35E\+18" is in exponent notation/u),
    });
  });

  it("reads the time from the timestamp column when unix_timestamp is empty, and drops formula escapes", () => {
    expect(ok(results[3])).toMatchObject({
      createTime: 1700010000,
      description: "=cmd|' /C calc'!A0",
      isAd: true,
    });
  });
});

describe("our own CSV export", () => {
  it("reads back what `export --format csv` wrote", () => {
    const original = parseDocument(
      JSON.parse(readFileSync(new URL("fixtures/item-list-response.json", import.meta.url), "utf8")),
    ).map(ok);
    const { dialect, results } = rows(postCsvHeader() + original.map(postCsvLine).join(""));
    expect(dialect).toBe("4cat");
    expect(
      results.map(ok).map((post) => [post.id, post.description, post.hashtags, post.stats, post.createTime]),
    ).toEqual(
      original.map((post) => [post.id, post.description, post.hashtags, post.stats, post.createTime]),
    );
  });
});

describe("headers", () => {
  it("refuses a CSV without an id column or with unknown columns", () => {
    expect(csvDialect(["name", "text"])).toEqual({ ok: false, reason: 'it has no "id" column' });
    expect(csvDialect(["id", "foo"])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/neither 4CAT's/u),
    });
  });

  it("unflattens into plain data, a __proto__ column staying an ordinary key", () => {
    const record = unflatten({ "a.b": "1", "__proto__.x": "2", "list/0": "p", "list/1": "q" });
    expect(record).toEqual({ a: { b: "1" }, ["__proto__"]: { x: "2" }, list: ["p", "q"] });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
