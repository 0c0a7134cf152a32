import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "../../shared/json/parse-json.ts";
import { type ArrayElementText, splitJsonArray } from "./split-json-array.ts";

const split = async (parts: (string | Buffer)[], max = 2 ** 20): Promise<ArrayElementText[]> => {
  const found: ArrayElementText[] = [];
  const input = (async function* () {
    for (const part of parts) yield Buffer.from(part);
  })();
  for await (const element of splitJsonArray(input, max)) found.push(element);
  return found;
};

/** The text cut into chunks at the given byte positions, even inside a multi-byte character. */
const chunked = (text: string, cuts: number[]): Buffer[] => {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => bytes.subarray(from, points[i] ?? bytes.length));
};

describe("splitJsonArray", () => {
  it("gives each element's source text, big integers and all", async () => {
    expect(await split(['[{"id":7300000000000000401}, "a]\\"b" ,\n', "-12.5e3,[[]],{},true,null]"])).toEqual([
      { index: 0, text: '{"id":7300000000000000401}' },
      { index: 1, text: '"a]\\"b"' },
      { index: 2, text: "-12.5e3" },
      { index: 3, text: "[[]]" },
      { index: 4, text: "{}" },
      { index: 5, text: "true" },
      { index: 6, text: "null" },
    ]);
  });

  it("finds the same elements however the bytes are chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Strings of quotes and backslashes too, so chunks end inside escape runs of every length.
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.array(fc.string({ unit: fc.constantFrom('"', "\\", "a", "é") }), { maxLength: 3 }),
          ),
          { maxLength: 8 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (values, cuts, pretty) => {
          const text = pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values);
          const elements = await split(chunked(`\uFEFF${text}\n`, cuts));
          expect(elements.map((element) => parseJson(element.text))).toEqual(parseJson(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads an empty list", async () => {
    expect(await split([" [ \n ] \n"])).toEqual([]);
  });

  it.each([
    ['{"a":1}', /not a JSON list at position 0/u],
    ["[1,]", /expected a list element at position 3/u],
    ["[,1]", /expected a list element/u],
    ["[1 2]", /expected , or \] after a list element at position 3/u],
    ["[1]x", /unexpected text after the end of the list at position 3/u],
    ['[{"a":1}', /unexpected end of the list/u],
    ['[{"a":"1}]', /unexpected end of the list/u],
    ["", /unexpected end of the list/u],
  ])("refuses %j", async (text, message) => {
    await expect(split([text])).rejects.toThrow(message);
  });

  it("refuses an element longer than the limit instead of holding it", async () => {
    await expect(split(["[1,", `"${"x".repeat(100)}`, `${"x".repeat(100)}"]`], 150)).rejects.toThrow(
      /item 2 is longer than/u,
    );
  });
});
