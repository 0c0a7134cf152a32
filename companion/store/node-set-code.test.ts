import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countPairs } from "../../shared/analysis/co-hashtag-network.ts";
import { countNodePairs, encodeNode, encodeNodeSql, NODE_DIGITS, nodeWidth } from "./node-set-code.ts";

const sorted = <T extends { source: string; target: string }>(edges: T[]) =>
  [...edges].sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1));
/** Node names and the source/target order the store's edges take: by node number, lower first. */
const oriented = (nodes: string[], edges: { source: string; target: string; weight: number }[]) =>
  edges.map((edge) =>
    nodes.indexOf(edge.source) < nodes.indexOf(edge.target)
      ? edge
      : { source: edge.target, target: edge.source, weight: edge.weight },
  );

describe("countNodePairs", () => {
  it("counts each pair of a post's nodes once, across posts and slices", () => {
    const nodes = ["travel", "a", "b", "c"];
    const post = (...ids: number[]) => ids.map((i) => encodeNode(i, nodes.length)).join("");
    const edges = countNodePairs([`${post(0, 1, 2)} ${post(1, 2)}`, post(3, 0), ""], nodes);
    expect(sorted(edges)).toEqual(
      sorted([
        { source: "travel", target: "a", weight: 1 },
        { source: "travel", target: "b", weight: 1 },
        { source: "a", target: "b", weight: 2 },
        { source: "travel", target: "c", weight: 1 },
      ]),
    );
  });

  it("equals the pure pair count for any posts, with one- and two-character nodes, dense and sparse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5, 3000, NODE_DIGITS + 7),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        (k, posts, sliceCount) => {
          // The high numbers land past the width boundary when k needs two characters.
          const number = (i: number) => (((i < 20 ? i : k - 1 - (i - 20)) % k) + k) % k;
          const nodes = Array.from({ length: k }, (_, i) => `n${i}`);
          const sets = posts.map((ids) => [...new Set(ids.map(number))]);
          const texts = sets.map((ids) => ids.map((i) => encodeNode(i, k)).join(""));
          const per = Math.ceil(texts.length / sliceCount);
          const slices = Array.from({ length: sliceCount }, (_, s) =>
            texts.slice(s * per, (s + 1) * per).join(" "),
          );
          const expected = countPairs(
            sets.map((ids) => ids.map((i) => `n${i}`)),
            new Set(nodes),
          );
          expect(sorted(countNodePairs(slices, nodes))).toEqual(sorted(oriented(nodes, expected)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses characters that are no node", () => {
    expect(() => countNodePairs(["x"], ["a", "b"])).toThrow(/outside 0\.\.1/);
    expect(() => countNodePairs([encodeNode(5, 10)], ["a", "b"])).toThrow(/node number 5/);
  });
});

describe("encodeNodeSql", () => {
  it("writes in SQLite the characters encodeNode writes", () => {
    const db = new Database(":memory:");
    try {
      for (const k of [1, 100, NODE_DIGITS, NODE_DIGITS + 1, 3 * NODE_DIGITS]) {
        const statement = db.prepare<[{ i: number }], string>(`SELECT ${encodeNodeSql("@i", k)}`).pluck();
        for (const i of [0, 1, k - 1, Math.floor(k / 2), Math.min(k - 1, NODE_DIGITS)]) {
          expect(statement.get({ i })).toBe(encodeNode(i, k));
          expect(statement.get({ i })?.length).toBe(nodeWidth(k));
        }
      }
    } finally {
      db.close();
    }
  });
});
