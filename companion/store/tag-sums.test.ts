import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DENSE_NUMBERS, TagSums } from "./tag-sums.ts";

const sorted = (sums: TagSums) => {
  const { numbers, sums: counts } = sums.nonZero();
  return numbers.map((id, i) => [id, counts[i]] as [number, number]).sort((a, b) => a[0] - b[0]);
};

describe("TagSums", () => {
  it("sums number,count pairs per number, subtracts, and lists only what is not 0", () => {
    const sums = new TagSums(10);
    sums.addPairs("1,5,3,2");
    sums.addPairs("3,2,7,10,1,1");
    sums.addPairs("7,4", -1);
    sums.addPairs(null);
    sums.addPairs("");
    expect(sorted(sums)).toEqual([
      [1, 6],
      [3, 4],
      [7, 6],
    ]);
    sums.addPairs("3,4", -1);
    expect(sorted(sums)).toEqual([
      [1, 6],
      [7, 6],
    ]);
  });

  it("sums numbers beyond the array (a store with more tags than it holds, or numbers given later) in a map", () => {
    const sums = new TagSums(2);
    sums.addPairs(`2,1,5,3,${DENSE_NUMBERS + 9},4,5,1`);
    sums.addPairs(`${DENSE_NUMBERS + 9},4`, -1);
    expect(sorted(sums)).toEqual([
      [2, 1],
      [5, 4],
    ]);
    expect(() => new TagSums(2 ** 40)).not.toThrow();
  });

  it("refuses a text that is not whole-number pairs, naming the place", () => {
    for (const text of ["1,2,3", "1,,2", "1,-2", "a,1", "1,2,", ",1,2", "1.5,2", `${2 ** 60},1`])
      expect(() => new TagSums(5).addPairs(text), text).toThrow(RangeError);
    expect(() => new TagSums(5).addPairs("1,2,x,3")).toThrow(/at 4/);
  });

  it("gives the same sums as a map by number, whatever the pairs and signs", () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 1000 }));
    const piece = fc.tuple(fc.array(pair, { maxLength: 20 }), fc.constantFrom(1 as const, -1 as const));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.integer({ min: 0, max: 50 }), (pieces, largest) => {
        const sums = new TagSums(largest);
        const expected = new Map<number, number>();
        for (const [pairs, sign] of pieces) {
          sums.addPairs(pairs.map(([id, n]) => `${id},${n}`).join(","), sign);
          for (const [id, n] of pairs) expected.set(id, (expected.get(id) ?? 0) + sign * n);
        }
        expect(sorted(sums)).toEqual([...expected].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 500 },
    );
  });
});
