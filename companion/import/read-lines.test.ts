import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { LineTooLongError, readLines } from "./read-lines.ts";

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));
const all = async (input: Readable, max = 1024) => {
  const lines: [number, string][] = [];
  for await (const line of readLines(input, max)) lines.push([line.number, line.text]);
  return lines;
};

describe("readLines", () => {
  it("splits on \\n, drops a \\r before it, and keeps a last line without newline", async () => {
    expect(await all(chunks("a\r\nb\n\nc"))).toEqual([
      [1, "a"],
      [2, "b"],
      [3, ""],
      [4, "c"],
    ]);
  });

  it("joins lines and multi-byte characters split across chunks", async () => {
    const bytes = Buffer.from('東京\n{"x":1}\n');
    const input = Readable.from([
      bytes.subarray(0, 2),
      bytes.subarray(2, 5),
      bytes.subarray(5, 9),
      bytes.subarray(9),
    ]);
    expect(await all(input)).toEqual([
      [1, "東京"],
      [2, '{"x":1}'],
    ]);
  });

  it("refuses a line past the limit with its number, whether it ends or not", async () => {
    await expect(all(chunks("ok\n", "x".repeat(11), "\nok\n"), 10)).rejects.toEqual(
      new LineTooLongError(2, 10),
    );
    await expect(all(chunks("ok\nok\n", "x".repeat(6), "x".repeat(6)), 10)).rejects.toMatchObject({
      lineNumber: 3,
    });
    expect(await all(chunks("x".repeat(10), "\n"), 10)).toEqual([[1, "x".repeat(10)]]);
  });

  it("reads a long line in linear time", async () => {
    const chunk = Buffer.alloc(64 * 1024, 97);
    const input = Readable.from([...Array.from({ length: 256 }, () => chunk), Buffer.from("\n")]);
    const started = performance.now();
    const [line] = await all(input, 32 * 1024 * 1024);
    expect(line?.[1]).toHaveLength(16 * 1024 * 1024);
    // split2, which re-splits the growing line per chunk, takes several seconds here.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
