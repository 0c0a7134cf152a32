import { describe, expect, it } from "vitest";
import { parseByteRange, parseFault, parseTagSizes, parseWholeNumber } from "./cli-options.ts";

describe("CLI option parsers", () => {
  it("read tags with counts, including non-Latin names", () => {
    expect(parseTagSizes("travel:200, food:80,東京:35,🇩🇿:3")).toEqual({
      travel: 200,
      food: 80,
      東京: 35,
      "🇩🇿": 3,
    });
    expect(() => parseTagSizes("travel:200,food")).toThrow(
      'Invalid --tags entry "food": expected NAME:COUNT, e.g. travel:200',
    );
    expect(() => parseTagSizes("travel:-2")).toThrow(/Invalid --tags entry "travel:-2"/u);
  });

  it("read byte ranges, numbers and faults", () => {
    expect(parseByteRange("1000-5000")).toEqual({ min: 1000, max: 5000 });
    expect(() => parseByteRange("5000")).toThrow('Invalid --video-bytes "5000": expected MIN-MAX');
    expect(parseWholeNumber("--port")("8443")).toBe(8443);
    expect(() => parseWholeNumber("--port")("eighty")).toThrow(
      'Invalid --port "eighty": expected a whole number',
    );
    expect(parseFault("item_list:rate-limit:5")).toEqual({
      path: "item_list",
      times: 1,
      fault: { kind: "rate-limit", retryAfter: 5 },
    });
    expect(() => parseFault("oops")).toThrow(/^Invalid fault "oops"/u);
  });
});
