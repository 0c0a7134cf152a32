import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseHashtag } from "../hashtag/hashtag.ts";
import { assembleNetwork, coHashtagNetwork } from "./co-hashtag-network.ts";
import { inTimeRange } from "./time-range.ts";

const posts = [
  { id: "1", createTime: 100, hashtags: ["travel", "Egypt", "cairo"] },
  { id: "2", createTime: 200, hashtags: ["travel", "egypt", "EGYPT", "nile"] },
  { id: "3", createTime: 300, hashtags: ["travel", "cairo", "egypt"] },
  { id: "3", createTime: 300, hashtags: ["duplicate"] },
  { id: "4", createTime: null, hashtags: ["fyp", "cairo"] },
];

describe("coHashtagNetwork", () => {
  it("counts nodes as the frequency table does and weights edges by posts with both tags", () => {
    expect(coHashtagNetwork(posts, "#Travel")).toEqual({
      hashtag: "travel",
      totalPosts: 4,
      nodes: [
        { hashtag: "travel", posts: 3 },
        { hashtag: "cairo", posts: 3 },
        { hashtag: "egypt", posts: 3 },
        { hashtag: "fyp", posts: 1 },
        { hashtag: "nile", posts: 1 },
      ],
      edges: [
        { source: "egypt", target: "travel", weight: 3 },
        { source: "cairo", target: "egypt", weight: 2 },
        { source: "cairo", target: "travel", weight: 2 },
        { source: "cairo", target: "fyp", weight: 1 },
        { source: "egypt", target: "nile", weight: 1 },
        { source: "nile", target: "travel", weight: 1 },
      ],
    });
  });

  it("keeps the top nodes only, drops light edges and honours the date range", () => {
    const network = coHashtagNetwork(posts, "travel", { top: 3, minWeight: 2, range: { since: 150 } });
    expect(network.totalPosts).toBe(2);
    expect(network.nodes).toEqual([
      { hashtag: "travel", posts: 2 },
      { hashtag: "egypt", posts: 2 },
      { hashtag: "cairo", posts: 1 },
    ]);
    expect(network.edges).toEqual([{ source: "egypt", target: "travel", weight: 2 }]);
  });

  it("keeps the hashtag as a node even when no post names it", () => {
    const network = coHashtagNetwork([{ id: "1", createTime: 1, hashtags: ["a", "b"] }], "x");
    expect(network.nodes[0]).toEqual({ hashtag: "x", posts: 0 });
    expect(network.edges).toEqual([{ source: "a", target: "b", weight: 1 }]);
  });

  it("refuses a top or minimum weight below 1", () => {
    expect(() => coHashtagNetwork(posts, "travel", { top: 0 })).toThrow(/top must be/);
    expect(() => coHashtagNetwork(posts, "travel", { minWeight: 0.5 })).toThrow(/minWeight must be/);
  });

  it("orients pairs given either way round and ignores pairs outside the kept nodes", () => {
    const counts = {
      totalPosts: 2,
      counts: new Map([
        ["a", 2],
        ["b", 1],
        ["c", 1],
      ]),
    };
    const pairs = [
      { source: "b", target: "a", weight: 1 },
      { source: "a", target: "c", weight: 1 },
      { source: "a", target: "a", weight: 2 },
    ];
    expect(assembleNetwork("a", counts, pairs, { top: 2 }).edges).toEqual([
      { source: "a", target: "b", weight: 1 },
    ]);
  });

  const tag = fc.constantFrom("a", "B", "b", "c", "Ä", "a\u0308", "d", "#e", "f");
  const post = fc.record({
    id: fc.integer({ min: 1, max: 30 }).map(String),
    createTime: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    hashtags: fc.array(tag, { maxLength: 6 }),
  });

  it("matches an independent recount over random posts", () => {
    fc.assert(
      fc.property(
        fc.array(post, { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (list, top, minWeight, since) => {
          const range = since === undefined ? {} : { since };
          const network = coHashtagNetwork(list, "a", { top, minWeight, range });
          // The recount: first occurrence of each id, kept when within the range, its tag set, then brute force.
          const firsts = new Map<string, (typeof list)[number]>();
          for (const p of list) if (!firsts.has(p.id)) firsts.set(p.id, p);
          const tagSets = [...firsts.values()]
            .filter((p) => inTimeRange(p.createTime, range))
            .map((p) => new Set(p.hashtags.map(normaliseHashtag)));
          const postsWith = (...tags: string[]) =>
            tagSets.filter((set) => tags.every((t) => set.has(t))).length;
          expect(network.totalPosts).toBe(tagSets.length);
          expect(network.nodes[0]?.hashtag).toBe("a");
          expect(network.nodes.length).toBe(
            Math.min(top, new Set(["a", ...tagSets.flatMap((s) => [...s])]).size),
          );
          for (const node of network.nodes) expect(node.posts).toBe(postsWith(node.hashtag));
          const kept = network.nodes.map((node) => node.hashtag);
          const lightest = Math.min(...network.nodes.slice(1).map((node) => node.posts));
          for (const other of new Set(tagSets.flatMap((s) => [...s])))
            if (!kept.includes(other)) expect(postsWith(other)).toBeLessThanOrEqual(lightest);
          const expected = [];
          for (const x of kept)
            for (const y of kept)
              if (x < y && postsWith(x, y) >= minWeight) expected.push(`${x}|${y}|${postsWith(x, y)}`);
          const got = network.edges.map((e) => `${e.source}|${e.target}|${e.weight}`);
          expect(got.toSorted()).toEqual(expected.toSorted());
          for (let i = 1; i < network.edges.length; i++)
            expect(network.edges[i - 1]!.weight).toBeGreaterThanOrEqual(network.edges[i]!.weight);
        },
      ),
    );
  });
});
