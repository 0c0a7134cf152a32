import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePosts } from "../../test/fake-tiktok/index.ts";
import { packRaw, unpackRaw } from "./raw-codec.ts";

describe("packRaw / unpackRaw", () => {
  it("gives back exactly the text, whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(unpackRaw(packRaw(text))).toBe(text);
      }),
    );
    expect(unpackRaw(packRaw(""))).toBe("");
  });

  it("stores an ItemStruct in well under a third of its text", () => {
    const texts = [...generatePosts({ seed: 7, size: 50, tag: "codec" })].map((item) => JSON.stringify(item));
    const packed = texts.reduce((sum, text) => sum + packRaw(text).length, 0);
    const plain = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(packed / plain).toBeLessThan(0.3);
  });

  it("refuses a codec it does not know instead of returning garbage", () => {
    const blob = packRaw("{}");
    blob[0] = 9;
    expect(() => unpackRaw(blob)).toThrow(/codec 9, which this version cannot read/u);
  });
});
