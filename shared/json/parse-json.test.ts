import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "./parse-json.ts";

describe("parseJson", () => {
  it("keeps integers a double cannot hold as their exact digits", () => {
    expect(parseJson('[{"id":7300000000000000401},{"id":7300000000000000402}]')).toEqual([
      { id: "7300000000000000401" },
      { id: "7300000000000000402" },
    ]);
    expect(parseJson("-9007199254740993")).toBe("-9007199254740993");
    expect(parseJson("18446744073709551615")).toBe("18446744073709551615");
  });

  it("reads safe integers, fractions and exponents as numbers, like JSON.parse", () => {
    expect(parseJson("[9007199254740991, -9007199254740991, 0, -0, 1.5, 1e21, 2E-3, 1e400]")).toEqual(
      JSON.parse("[9007199254740991, -9007199254740991, 0, -0, 1.5, 1e21, 2E-3, 1e400]"),
    );
  });

  it("survives JSON.stringify with every digit", () => {
    const text = '{"video_id":7412345678901234567,"like_count":12}';
    expect(JSON.stringify(parseJson(text))).toBe('{"video_id":"7412345678901234567","like_count":12}');
  });

  it("keeps __proto__ as an ordinary key, as JSON.parse does", () => {
    const value = parseJson('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["", "[1,]", "{'a':1}", "[01]", "[NaN]", '{"a":1}x', "[+1]", '"\t"'])(
    "rejects invalid JSON %j with a SyntaxError that says where",
    (text) => {
      expect(() => parseJson(text)).toThrow(SyntaxError);
      expect(() => parseJson(text)).toThrow(/at position \d+/u);
    },
  );

  it("agrees with JSON.parse on any JSON without unsafe integers", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        // A long run of digits might be an unsafe integer (or sit inside a string): not this property's case.
        fc.pre(!/\d{16}/u.test(text));
        expect(parseJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it("gives every bigint back exactly", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (big) => {
        const parsed = parseJson(`{"n":${big}}`) as { n: unknown };
        expect(BigInt(parsed.n as string | number)).toBe(big);
        expect(typeof parsed.n).toBe(Number.isSafeInteger(Number(big)) ? "number" : "string");
      }),
    );
  });
});
