import { describe, expect, it } from "vitest";
import { parseJson } from "../json/parse-json.ts";
import { itemsFromHtml } from "./extract-items.ts";
import { parseDocument, parseFoundItem, parseRecord } from "./parse-any.ts";
import { parseItemStruct } from "./parse-item-struct.ts";
import { parseScraperItem } from "./parse-scraper-item.ts";
import { parseZeeschuimerLine } from "./parse-zeeschuimer-line.ts";
import type { ParseResult } from "./post.ts";

const ids = (results: ParseResult[]) => results.map((result) => (result.ok ? result.post.id : result.reason));
const source = { kind: "web-api", url: null, collectedAt: null } as const;

describe("post ids through the parsers", () => {
  it("keeps big JSON-number ids exact, so distinct posts stay distinct", () => {
    const text = '[{"id":"7300000000000000000"},{"id":7300000000000000401},{"id":7300000000000000402}]';
    expect(ids(parseDocument(parseJson(text)))).toEqual([
      "7300000000000000000",
      "7300000000000000401",
      "7300000000000000402",
    ]);
  });

  it("keeps big ids exact inside an item_list response and a Zeeschuimer line", () => {
    expect(ids(parseDocument(parseJson('{"itemList":[{"id":7412345678901234567}]}')))).toEqual([
      "7412345678901234567",
    ]);
    const line = '{"data":{"id":7412345678901234567},"timestamp_collected":1700000000000}';
    expect(ids([parseZeeschuimerLine(line)])).toEqual(["7412345678901234567"]);
  });

  it("reads a page's data script without rounding", () => {
    const html = `<script id="SIGI_STATE" type="application/json">{"ItemModule":{"x":{"id":7412345678901234567}}}</script>`;
    const found = itemsFromHtml(html).map((item) => parseFoundItem(item, null, null));
    expect(ids(found)).toEqual(["7412345678901234567"]);
  });

  it.each([
    ["a web ItemStruct", (id: unknown) => parseItemStruct({ id }, source)],
    [
      "a tiktok-scraper item",
      (id: unknown) => parseScraperItem({ id, text: "x" }, { ...source, kind: "tiktok-scraper" }),
    ],
    ["a Zeeschuimer record", (id: unknown) => parseRecord({ data: { id }, timestamp_collected: 1 })],
  ])("%s refuses a path, a fraction, a negative and a rounded number as its id", (_, parse) => {
    expect(parse("../../../../tmp/x")).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a string of digits/u),
    });
    expect(parse(1.5)).toEqual({ ok: false, reason: expect.stringMatching(/fraction/u) });
    expect(parse(-1)).toEqual({ ok: false, reason: expect.stringMatching(/negative/u) });
    expect(parse(7.3e18)).toEqual({ ok: false, reason: expect.stringMatching(/beyond 2\^53/u) });
    expect(parse("7300000000000000401")).toMatchObject({ ok: true, post: { id: "7300000000000000401" } });
  });

  it("keeps author and music ids only when exact", () => {
    const result = parseItemStruct(
      { id: "1", author: { id: 7.3e18 }, music: { id: "7300000000000000401" } },
      source,
    );
    expect(result.ok && [result.post.author.id, result.post.music.id]).toEqual([null, "7300000000000000401"]);
  });
});
