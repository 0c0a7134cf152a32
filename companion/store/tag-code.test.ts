import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countPairs } from "../../shared/analysis/co-hashtag-network.ts";
import {
  countNodePairs,
  encodeNumber,
  encodeNumberSql,
  MAX_CODED,
  NODE_NUMBERS,
  POST_END,
} from "./tag-code.ts";

const sorted = <T extends { source: string; target: string }>(edges: T[]) =>
  [...edges].sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1));
/** The source/target order the store's edges take: by node number, lower first. */
const oriented = (nodes: string[], edges: { source: string; target: string; weight: number }[]) =>
  edges.map((edge) =>
    nodes.indexOf(edge.source) < nodes.indexOf(edge.target)
      ? edge
      : { source: edge.target, target: edge.source, weight: edge.weight },
  );

// Every width's first and last number, and the ends of the range.
const BOUNDARIES = [
  0,
  1,
  63,
  64,
  2047,
  2048,
  65_535,
  65_536,
  2 ** 21 - 1,
  2 ** 21,
  2 ** 46,
  MAX_CODED - 1,
  MAX_CODED,
];

describe("encodeNumber", () => {
  it("writes short numbers short and only ASCII", () => {
    expect(encodeNumber(0)).toBe("@");
    expect(encodeNumber(63)).toBe("\x7f");
    expect(encodeNumber(64)).toBe("!@");
    expect(encodeNumber(2047).length).toBe(2);
    expect(encodeNumber(2048).length).toBe(3);
    for (const n of BOUNDARIES) expect(encodeNumber(n)).toMatch(/^[\x20-\x3f]*[\x40-\x7f]$/u);
  });

  it("refuses what it cannot write", () => {
    for (const n of [-1, 0.5, MAX_CODED + 1, Number.NaN])
      expect(() => encodeNumber(n)).toThrow(/whole number 0\.\./u);
  });
});

describe("encodeNumberSql", () => {
  it("writes in SQLite the characters encodeNumber writes, and NULL for what it cannot", () => {
    const db = new Database(":memory:");
    try {
      const statement = db
        .prepare<[{ n: unknown }], string | null>(`SELECT ${encodeNumberSql("@n")}`)
        .pluck();
      for (const n of BOUNDARIES) expect(statement.get({ n: BigInt(n) })).toBe(encodeNumber(n));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 30 }), (n) => {
          expect(statement.get({ n: BigInt(n) })).toBe(encodeNumber(n));
        }),
      );
      // 1 as a JavaScript number binds as a REAL.
      for (const n of [-1n, BigInt(MAX_CODED) + 1n, 2n ** 62n, 1, 1.5, "7", null])
        expect(statement.get({ n })).toBeNull();
    } finally {
      db.close();
    }
  });
});

/** A post as the SQL writes it: tag numbers, or node numbers after the marker. */
type PostText = { asNodes: boolean; numbers: number[] };
const postText = ({ asNodes, numbers }: PostText) =>
  (asNodes ? NODE_NUMBERS : "") + numbers.map(encodeNumber).join("");

describe("countNodePairs", () => {
  it("counts each pair of a post's nodes once, across posts, through tag numbers", () => {
    const nodes = ["travel", "a", "b", "c"];
    const numbers = new Map([
      ["travel", 1],
      ["a", 70],
      ["b", 5000],
      ["c", 2 ** 40],
    ]);
    const text = (...ns: number[]) => ns.map(encodeNumber).join("");
    const edges = countNodePairs(
      // 9 and 99 are tags that are no node; a tag repeated in a post counts once; the last post has no tags.
      [
        text(1, 70, 9, 5000),
        text(70, 5000, 70),
        text(99),
        postText({ asNodes: true, numbers: [3, 0] }),
        "",
      ].join(POST_END),
      nodes,
      numbers,
    );
    expect(sorted(edges)).toEqual(
      sorted([
        { source: "travel", target: "a", weight: 1 },
        { source: "travel", target: "b", weight: 1 },
        { source: "a", target: "b", weight: 2 },
        { source: "travel", target: "c", weight: 1 },
      ]),
    );
  });

  it("equals the pure pair count for any posts, tag numbers small and large, dense and sparse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(6, 3000),
        fc.uniqueArray(
          fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(2 ** 22, 2 ** 22 + 1, 2 ** 50)),
          {
            minLength: 12,
            maxLength: 12,
          },
        ),
        fc.array(
          fc.record({
            asNodes: fc.boolean(),
            tags: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 7 }),
          }),
          { maxLength: 30 },
        ),
        (k, tagNumbers, posts) => {
          // Tags t0..t11 with the drawn numbers; the first six are nodes, three at each end of the node list.
          const nodes = Array.from({ length: k }, (_, i) => `n${i}`);
          const nodeIndex = (t: number) => (t < 3 ? t : k - 1 - (t - 3));
          const numbers = new Map<string, number>();
          for (let t = 0; t < 6; t++) numbers.set(`n${nodeIndex(t)}`, tagNumbers[t] as number);
          const texts = posts.map(({ asNodes, tags }) =>
            postText({
              asNodes,
              numbers: asNodes
                ? tags.filter((t) => t < 6).map(nodeIndex)
                : tags.map((t) => tagNumbers[t] as number),
            }),
          );
          const expected = countPairs(
            posts.map(({ tags }) => [...new Set(tags.filter((t) => t < 6).map((t) => `n${nodeIndex(t)}`))]),
            new Set(nodes),
          );
          expect(sorted(countNodePairs(texts.join(POST_END), nodes, numbers))).toEqual(
            sorted(oriented(nodes, expected)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses text that is no tag codes", () => {
    const nodes = ["a", "b"];
    const none = new Map<string, number>();
    expect(() => countNodePairs("x\u0100", nodes, none)).toThrow(/U\+0100 out of place/u);
    expect(() => countNodePairs("\x02", nodes, none)).toThrow(/U\+0002 out of place/u);
    expect(() => countNodePairs(`@${NODE_NUMBERS}`, nodes, none)).toThrow(/U\+0001 out of place/u);
    expect(() => countNodePairs(` ${POST_END}@`, nodes, none)).toThrow(/U\+000a out of place/u);
    expect(() => countNodePairs("@!", nodes, none)).toThrow(/ending inside a number/u);
    expect(() => countNodePairs(`${NODE_NUMBERS}${encodeNumber(5)}`, nodes, none)).toThrow(
      /node number 5 outside 0\.\.1/u,
    );
  });
});
