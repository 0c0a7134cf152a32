import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inShape } from "../../test/bench/corpus-shape.ts";
import { generatePosts } from "../../test/fake-tiktok/index.ts";
import { parseImportValue } from "../import/parse-import-value.ts";
import { slimJson } from "./post-row.ts";
import { packPostJson, packRaw, unpackRaw, unpackText, ZSTD_POST_V1, ZSTD_RAW_V2 } from "./raw-codec.ts";
import { RAW_DICTIONARY_V1 } from "./raw-dictionary.ts";

const texts = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
);

/** Generated posts in both input shapes, as the import stores them: the raw text and the Post without raw. */
const storedTexts = (shape: "item-struct" | "scraper") =>
  [...generatePosts({ seed: 5, size: 60, tag: "codec" })].map((item) => {
    const [result] = parseImportValue(inShape(item, shape));
    if (!result?.ok) throw new Error("a generated post did not parse");
    return { raw: JSON.stringify(result.post.raw), slim: slimJson(result.post) };
  });

const bytes = (list: string[]) => list.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

describe("packRaw / packPostJson / unpackText", () => {
  it("give back exactly the text, whatever it holds", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(unpackRaw(packRaw(text))).toBe(text);
        expect(unpackText(packPostJson(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
    for (const text of ["", "é", "😀".repeat(3), `{"a":"${"x€".repeat(300_000)}"}`]) {
      expect(unpackRaw(packRaw(text))).toBe(text);
      expect(unpackText(packPostJson(text))).toBe(text);
    }
  });

  it("name their codec in the first byte, and give the same bytes for the same text", () => {
    const text = storedTexts("scraper")[0]!.raw;
    expect(packRaw(text)[0]).toBe(ZSTD_RAW_V2);
    expect(packPostJson(text)[0]).toBe(ZSTD_POST_V1);
    expect(packRaw(text).equals(packRaw(text))).toBe(true);
  });

  it("still read a raw that the first codec (deflate, codec 1) stored", () => {
    const text = JSON.stringify({
      id: "7300000000000000401",
      desc: 'é \u2028 😀 #migrate "q"',
      stats: { playCount: 1 },
    });
    // packRaw's output before codec 2 (9efed41), kept as stored.
    const stored = Buffer.from(
      "AYOVAMbgNg6cMAEHNTT/H16p8KhhhcKH+TMaFJRzM9NBVaNCjFJhDCjY4LkVKTsY1tYCAA==",
      "base64",
    );
    expect(unpackRaw(stored)).toBe(text);
    fc.assert(
      fc.property(texts, (any) => {
        const deflated = deflateRawSync(any, { level: 1, dictionary: Buffer.from(RAW_DICTIONARY_V1) });
        expect(unpackText(Buffer.concat([Buffer.of(1), deflated]))).toBe(any);
      }),
      { numRuns: 100 },
    );
  });

  it("store a post of either shape, raw and Post, in well under half of its input", () => {
    for (const shape of ["item-struct", "scraper"] as const) {
      const posts = storedTexts(shape);
      const input = bytes(posts.map((post) => post.raw));
      const stored = posts.reduce(
        (sum, post) => sum + packRaw(post.raw).length + packPostJson(post.slim).length,
        0,
      );
      expect(stored / input, shape).toBeLessThan(shape === "scraper" ? 0.5 : 0.3);
    }
  });

  it("refuse a codec they do not know, and a damaged frame, instead of returning garbage", () => {
    const blob = packRaw('{"id":"1"}');
    blob[0] = 9;
    expect(() => unpackRaw(blob)).toThrow(/codec 9, which this version cannot read/u);
    expect(() => unpackText(new Uint8Array())).toThrow(/codec undefined/u);
    const damaged = packPostJson(storedTexts("scraper")[0]!.slim);
    damaged.fill(0xff, 8, 40);
    expect(() => unpackText(damaged)).toThrow();
  });
});
