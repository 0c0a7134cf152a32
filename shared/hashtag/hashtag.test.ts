import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_HASHTAG_BYTES,
  MAX_HASHTAG_LENGTH,
  normaliseHashtag,
  parseHashtag,
  parseHashtagList,
} from "./hashtag.ts";

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

describe("normaliseHashtag", () => {
  it.each([
    ["#Travel", "travel"],
    ["  ##FYP  ", "fyp"],
    ["fypシ", "fypシ"],
    ["東京", "東京"],
    ["مصر", "مصر"],
    ["Ｃａｆé", "ｃａｆé"],
    // NFD e + combining acute becomes the single NFC code point.
    ["cafe\u0301", "caf\u00e9"],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseHashtag(input)).toBe(expected);
  });

  it("gives the full normalisation's result for any text, plain or not, seen before or not", () => {
    const full = (input: string) =>
      input.trim().replace(/^#+/u, "").trim().normalize("NFC").toLowerCase().normalize("NFC");
    const tags = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."abzAZ09_# \t-.é\u0301İß") }),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
    );
    // 12,000 distinct tags also pass the remembered ones' limit (10,000), so they are forgotten and read again.
    const many = Array.from({ length: 12_000 }, (_, i) => `Tag${i}`);
    for (const tag of [...many, ...many]) expect(normaliseHashtag(tag)).toBe(full(tag));
    fc.assert(
      fc.property(tags, (tag) => {
        expect(normaliseHashtag(tag)).toBe(full(tag));
        expect(normaliseHashtag(tag)).toBe(full(tag));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseHashtag", () => {
  it.each(["travel", "#Travel", "fypシ", "東京", "مصر", "foodie_2024", "🇩🇿", "👨‍👩‍👧", "café"])(
    "accepts %s",
    (input) => {
      expect(parseHashtag(input).ok).toBe(true);
    },
  );

  it.each([
    ["", /empty/],
    ["#", /empty/],
    ["   ", /empty/],
    ["two words", /whitespace/],
    ["tab\there", /control|whitespace/],
    ["../etc", /'\.\.'/],
    ["..", /'\.\.'/],
    ["a/b", /path separator/],
    ["a\\b", /path separator/],
    ["nul\u0000", /control/],
    ["rtl\u202eevil", /control/],
    ["x".repeat(MAX_HASHTAG_LENGTH + 1), /longer than/],
    ["😀".repeat(100), /takes 400 bytes in UTF-8, more than the 200/],
    ["東".repeat(67), /takes 201 bytes/],
    ["👨‍👩‍👧".repeat(12), /bytes in UTF-8/],
    ["semi;colon", /";"/],
    [".hidden", /"\."/],
  ])("rejects %j with a message naming it", (input, why) => {
    const result = parseHashtag(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(JSON.stringify(input));
    expect(result.error).toMatch(why);
  });

  it("accepts up to the byte limit, whatever the characters", () => {
    expect(parseHashtag("東".repeat(66))).toEqual({ ok: true, hashtag: "東".repeat(66) });
    expect(parseHashtag("😀".repeat(MAX_HASHTAG_BYTES / 4)).ok).toBe(true);
    expect(parseHashtag("x".repeat(MAX_HASHTAG_LENGTH)).ok).toBe(true);
  });

  it("rejects non-strings", () => {
    expect(parseHashtag(5)).toEqual({ ok: false, error: "Hashtag must be text, got number" });
  });
});

describe("parseHashtag on hostile input (property-based)", () => {
  const hostile = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({
      unit: fc.constantFrom(".", "/", "\\", "#", " ", "\u0000", "a", "é", "東", "\u202e", ":", "%"),
    }),
    fc.string().map((s) => `../${s}`),
    fc.string({ unit: fc.constantFrom("😀", "東", "👨‍👩‍👧", "a", "\u0301"), maxLength: 120 }),
  );

  it("never throws, and an accepted hashtag is a single safe path segment inside the data folder", () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const result = parseHashtag(input);
        if (!result.ok) return result.error.length > 0;
        const data = path.resolve("/data");
        const resolved = path.resolve(data, result.hashtag, "videos");
        return (
          resolved.startsWith(`${data}${path.sep}`) &&
          path.dirname(path.dirname(resolved)) === data &&
          !/[\s/\\]|\.\./u.test(result.hashtag) &&
          // The longest name made from a hashtag (a plot's temporary file) fits in 255 bytes.
          bytes(`.${result.hashtag}_2025_01_01_12_00_00.png.0123abcd.part`) <= 255 &&
          result.hashtag === result.hashtag.normalize("NFC")
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("is idempotent: a normalised hashtag normalises to itself", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (input) => {
        const result = parseHashtag(input);
        if (!result.ok) return true;
        const again = parseHashtag(result.hashtag);
        return again.ok && again.hashtag === result.hashtag;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parseHashtagList", () => {
  it("reads the seed's newline format with comments, and commas", () => {
    const text = "# hashtags to follow\ntravel\n#Ignored comment line\n\nfood, Cooking ,travel\r\n東京\n";
    expect(parseHashtagList(text)).toEqual({ hashtags: ["travel", "food", "cooking", "東京"], errors: [] });
  });

  it("reports junk lines by number", () => {
    const { hashtags, errors } = parseHashtagList("travel\ntwo words\n../../etc\n");
    expect(hashtags).toEqual(["travel"]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^line 2: .*"two words"/);
    expect(errors[1]).toMatch(/^line 3: .*'\.\.'/);
  });
});
