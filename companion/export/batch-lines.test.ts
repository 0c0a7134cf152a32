import { describe, expect, it } from "vitest";
import { batchLines } from "./batch-lines.ts";

describe("batchLines", () => {
  it("keeps the text and its order, in chunks of at least the size but the last", () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}\n`);
    const chunks = [...batchLines(lines, 20)];
    expect(chunks.join("")).toBe(lines.join(""));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(lines.length);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(20);
  });

  it("never splits a line, even one longer than the size", () => {
    const long = `${"x".repeat(100)}\n`;
    expect([...batchLines(["a\n", long, "b\n"], 10)]).toEqual([`a\n${long}`, "b\n"]);
  });

  it("yields nothing for no lines or only empty ones", () => {
    expect([...batchLines([], 10)]).toEqual([]);
    expect([...batchLines(["", ""], 10)]).toEqual([]);
  });

  it("pulls lines only as chunks are asked for", () => {
    let pulled = 0;
    const lines = (function* () {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield "0123456789";
      }
    })();
    const chunks = batchLines(lines, 30);
    expect(chunks.next().value).toBe("0123456789".repeat(3));
    expect(pulled).toBe(3);
  });
});
