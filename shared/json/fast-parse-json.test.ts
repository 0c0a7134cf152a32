import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastParseJson } from "./fast-parse-json.ts";
import { parseJson } from "./parse-json.ts";

/** JSON values with integers of every size, some beyond 2^53, spliced in as bare number literals. */
const withBigIntegers = fc
  .jsonValue()
  .chain((value) =>
    fc
      .array(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }), { minLength: 1, maxLength: 4 })
      .map((numbers) => `{"v":${JSON.stringify(value)},"n":[${numbers.join(",")}],"k":${numbers[0]}}`),
  );

/** The same with whitespace wherever JSON allows it, the very start included. */
const spacedWithBigIntegers = fc
  .tuple(fc.jsonValue(), fc.constantFrom(" ", "\n", "\t", "\r\n  "))
  .chain(([value, space]) =>
    fc
      .array(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }), { minLength: 1, maxLength: 4 })
      .map(
        (numbers) =>
          `${space}{${space}"v":${JSON.stringify(value, null, space)},"n":${space}[${space}${numbers.join(`${space},${space}`)}],${space}"k":${space}${numbers[0]}${space}}${space}`,
      ),
  );

describe("fastParseJson", () => {
  it("keeps integers a double cannot hold as their exact digits, wherever they are", () => {
    expect(fastParseJson("7300000000000000401")).toBe("7300000000000000401");
    expect(fastParseJson('{"id": -7300000000000000401}')).toEqual({ id: "-7300000000000000401" });
    expect(fastParseJson("[1,\n\t7300000000000000401]")).toEqual([1, "7300000000000000401"]);
    expect(fastParseJson('{"id":"7300000000000000401","n":12}')).toEqual({
      id: "7300000000000000401",
      n: 12,
    });
  });

  it("finds a long integer at the very start, after whitespace, and right at 2^53", () => {
    expect(fastParseJson(" \n\t-7300000000000000401")).toBe("-7300000000000000401");
    expect(fastParseJson("9007199254740993")).toBe("9007199254740993");
    expect(fastParseJson("[ 9007199254740991, 9007199254740992]")).toEqual([
      9007199254740991,
      "9007199254740992",
    ]);
    expect(fastParseJson('{"a":[{"b":\r\n 7300000000000000401}]}')).toEqual({
      a: [{ b: "7300000000000000401" }],
    });
    // 16 digits in strings, or a long fraction, are not unsafe integers: both paths give numbers and strings.
    expect(fastParseJson('["x,7300000000000000401", "a:1234567890123456", 1234567890123456.5]')).toEqual([
      "x,7300000000000000401",
      "a:1234567890123456",
      1234567890123456.5,
    ]);
  });

  it("reads numbers as large as 2^53 that are not integer literals as numbers, as parseJson does", () => {
    const text = '{"a":[1e300,-1.8e16],"b":{"c":[[12345678901234567e3]]},"d":9007199254740991}';
    expect(fastParseJson(text)).toEqual({
      a: [1e300, -1.8e16],
      b: { c: [[1.2345678901234567e19]] },
      d: 9007199254740991,
    });
    expect(fastParseJson(text)).toEqual(parseJson(text));
  });

  it("reads a text nested deeper than a recursive walk could go, and finds a long integer at its bottom", () => {
    const depth = 200_000;
    let value = fastParseJson(`${"[".repeat(depth)}7${"]".repeat(depth)}`);
    for (let level = 0; level < depth; level++) value = (value as unknown[])[0];
    expect(value).toBe(7);
    // parseJson (lossless-json) recurses, so the exact path is tried at a depth it can take.
    value = fastParseJson(`${'{"a":['.repeat(1000)}7300000000000000401${"]}".repeat(1000)}`);
    for (let level = 0; level < 1000; level++) value = (value as { a: unknown[] }).a[0];
    expect(value).toBe("7300000000000000401");
  });

  it("gives exactly what parseJson gives, for any JSON with or without big integers", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          withBigIntegers,
          fc.jsonValue().map((value) => JSON.stringify(value)),
          spacedWithBigIntegers,
          fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }).map((number) => `\t${number}`),
        ),
        (text) => {
          expect(fastParseJson(text)).toEqual(parseJson(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each(["", "[1,]", '{"a":1}x', "[01]", "[7300000000000000401,]"])("rejects invalid JSON %j", (text) => {
    expect(() => fastParseJson(text)).toThrow(SyntaxError);
  });
});
