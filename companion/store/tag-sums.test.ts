import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DENSE_NUMBERS, TagSums } from "./tag-sums.ts";

const sorted = (sums: TagSums) => {
  const { numbers, sums: counts } = sums.nonZero();
  return Array.from(numbers, (id, i) => [id, counts[i]] as [number, number]).sort((a, b) => a[0] - b[0]);
};

/** A piece's rows as SQLite's json_group_array of each column gives them. */
const lists = (pairs: [number, number][]): [string, string] => [
  JSON.stringify(pairs.map(([id]) => id)),
  JSON.stringify(pairs.map(([, n]) => n)),
];

describe("TagSums", () => {
  it("sums rows per number, subtracts, and lists only what is not 0", () => {
    const sums = new TagSums(10);
    sums.addLists(
      ...lists([
        [1, 5],
        [3, 2],
      ]),
    );
    sums.addLists(
      ...lists([
        [3, 2],
        [7, 10],
        [1, 1],
      ]),
    );
    sums.addLists(...lists([[7, 4]]), -1);
    sums.addLists("[]", "[]");
    expect(sorted(sums)).toEqual([
      [1, 6],
      [3, 4],
      [7, 6],
    ]);
    sums.addLists(...lists([[3, 4]]), -1);
    expect(sorted(sums)).toEqual([
      [1, 6],
      [7, 6],
    ]);
  });

  it("sums numbers beyond the array (a store with more tags than it holds, or numbers given later) in a map", () => {
    const sums = new TagSums(2);
    sums.addLists(
      ...lists([
        [2, 1],
        [5, 3],
        [DENSE_NUMBERS + 9, 4],
        [5, 1],
      ]),
    );
    sums.addLists(...lists([[DENSE_NUMBERS + 9, 4]]), -1);
    expect(sorted(sums)).toEqual([
      [2, 1],
      [5, 4],
    ]);
    expect(() => new TagSums(2 ** 40)).not.toThrow();
  });

  it("refuses lists that are not tag numbers and counts of the same length", () => {
    const bad: [string, string][] = [
      ["[1,2]", "[3]"],
      ["[1]", "null"],
      ["{}", "[]"],
      ["[-1]", "[2]"],
      ["[1.5]", "[2]"],
      ['["a"]', "[2]"],
      ["[1]", '["2"]'],
      [`[${2 ** 60}]`, "[1]"],
      ["[1", "[2]"],
    ];
    for (const [numbers, counts] of bad)
      expect(() => new TagSums(5).addLists(numbers, counts), `${numbers} ${counts}`).toThrow();
    expect(() => new TagSums(5).addLists("[1,2]", "[3,null]")).toThrow(/row 1/);
  });

  it("gives the same sums as a map by number, whatever the rows and signs", () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 1000 }));
    const piece = fc.tuple(fc.array(pair, { maxLength: 20 }), fc.constantFrom(1 as const, -1 as const));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.integer({ min: 0, max: 50 }), (pieces, largest) => {
        const sums = new TagSums(largest);
        const expected = new Map<number, number>();
        for (const [pairs, sign] of pieces) {
          sums.addLists(...lists(pairs), sign);
          for (const [id, n] of pairs) expected.set(id, (expected.get(id) ?? 0) + sign * n);
        }
        expect(sorted(sums)).toEqual([...expected].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]));
      }),
      { numRuns: 500 },
    );
  });
});
