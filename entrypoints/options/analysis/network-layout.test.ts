import { describe, expect, it } from "vitest";
import type { CoHashtagNetwork } from "../../../shared/analysis/co-hashtag-network.ts";
import { layoutNetwork } from "./network-layout.ts";

const network: CoHashtagNetwork = {
  hashtag: "travel",
  totalPosts: 40,
  nodes: [
    { hashtag: "travel", posts: 40 },
    { hashtag: "beach", posts: 20 },
    { hashtag: "sun", posts: 19 },
    { hashtag: "ski", posts: 10 },
    { hashtag: "snow", posts: 9 },
    { hashtag: "alone", posts: 1 },
  ],
  edges: [
    { source: "beach", target: "travel", weight: 20 },
    { source: "sun", target: "travel", weight: 19 },
    { source: "beach", target: "sun", weight: 18 },
    { source: "ski", target: "travel", weight: 10 },
    { source: "snow", target: "travel", weight: 9 },
    { source: "ski", target: "snow", weight: 9 },
    { source: "alone", target: "travel", weight: 1 },
  ],
};

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe("layoutNetwork", () => {
  it("places every node, the same way each time", () => {
    const positions = layoutNetwork(network);
    expect(Object.keys(positions).sort()).toEqual(network.nodes.map((node) => node.hashtag).sort());
    for (const { x, y } of Object.values(positions)) {
      expect(Number.isFinite(x)).toBe(true);
      expect(Number.isFinite(y)).toBe(true);
    }
    expect(layoutNetwork(network)).toEqual(positions);
  });

  it("draws hashtags used together close, and apart from those that are not", () => {
    const positions = layoutNetwork(network);
    const at = (tag: string) => positions[tag] ?? { x: Number.NaN, y: Number.NaN };
    const [beach, sun, ski, snow] = [at("beach"), at("sun"), at("ski"), at("snow")];
    expect(distance(beach, sun)).toBeLessThan(distance(beach, ski));
    expect(distance(ski, snow)).toBeLessThan(distance(sun, snow));
  });

  it("lays out a hashtag with no co-hashtags, and no posts at all", () => {
    expect(
      layoutNetwork({ hashtag: "x", totalPosts: 1, nodes: [{ hashtag: "x", posts: 1 }], edges: [] }),
    ).toEqual({ x: { x: 0, y: 0 } });
    expect(layoutNetwork({ hashtag: "x", totalPosts: 0, nodes: [], edges: [] })).toEqual({});
  });
});
