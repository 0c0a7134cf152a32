import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { parseJson } from "../../shared/json/parse-json.ts";
import { type ArrayElement, exactJsonArray } from "./exact-json-array.ts";

const elements = async (...parts: string[]): Promise<ArrayElement[]> => {
  const found: ArrayElement[] = [];
  await pipeline(
    Readable.from(parts.map((part) => Buffer.from(part))),
    ...exactJsonArray(),
    async (source) => {
      for await (const element of source as AsyncIterable<ArrayElement>) found.push(element);
    },
  );
  return found;
};

describe("exactJsonArray", () => {
  it("streams each element with big integers as their exact digits", async () => {
    expect(
      await elements(
        '[{"id":"7300000000000000000"},{"id":73000000000',
        '00000401,"n":[1.5,-2]},7300000000000000402]',
      ),
    ).toEqual([
      { key: 0, value: { id: "7300000000000000000" } },
      { key: 1, value: { id: "7300000000000000401", n: [1.5, -2] } },
      { key: 2, value: "7300000000000000402" },
    ]);
  });

  it("reads the same values parseJson reads", async () => {
    const text = '[null,true,"s",{"a":{"b":[9007199254740993,1e21]}},[],{}]';
    expect((await elements(text)).map((element) => element.value)).toEqual(parseJson(text));
  });

  it("refuses a top level that is not a list, and broken JSON", async () => {
    await expect(elements('{"a":1}')).rejects.toThrow(/not a JSON list/u);
    await expect(elements("[1,")).rejects.toThrow();
    await expect(elements('[{"a" 1}]')).rejects.toThrow(/Parser cannot parse input/u);
  });
});
