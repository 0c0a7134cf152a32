import { describe, expect, it } from "vitest";
import { valueDepth } from "../../shared/json/value-depth.ts";
import { jsonDepth } from "./json-body.ts";

describe("jsonDepth", () => {
  it.each([
    ["1", 0],
    ['"[[["', 0],
    ["[]", 1],
    ['{"a":[{"b":"]]]}"}]}', 3],
    ['["\\"[", [[]]]', 3],
    [`${"[".repeat(100_000)}${"]".repeat(100_000)}`, 100_000],
  ])("measures %s", (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });

  it("agrees with the parsed value's depth", () => {
    const value = { a: [1, { b: [[{ c: "x" }]] }], d: null };
    expect(jsonDepth(JSON.stringify(value))).toBe(valueDepth(value));
  });
});

describe("valueDepth", () => {
  it("measures without recursion, so a very deep value cannot overflow the stack", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(valueDepth(deep)).toBe(200_000);
    expect(valueDepth("x")).toBe(0);
    expect(valueDepth({})).toBe(1);
  });
});
