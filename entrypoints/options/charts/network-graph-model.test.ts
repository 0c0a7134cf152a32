import { describe, expect, it } from "vitest";
import { networkGraph, OWN_NODE_COLOUR } from "./network-graph-model.ts";

const graph = networkGraph({
  hashtag: "travel",
  totalPosts: 100,
  nodes: [
    { hashtag: "travel", posts: 100 },
    { hashtag: "food", posts: 25 },
    { hashtag: "beach", posts: 4 },
  ],
  edges: [
    { source: "food", target: "travel", weight: 25 },
    { source: "beach", target: "travel", weight: 4 },
    { source: "beach", target: "food", weight: 1 },
  ],
  positions: { travel: { x: 0, y: 0 }, food: { x: 1, y: 2 }, beach: { x: -3, y: 1 } },
});

describe("networkGraph", () => {
  it("sizes nodes by post count and labels them with it, the hashtag itself set apart", () => {
    const sizes = ["travel", "food", "beach"].map((tag) => graph.getNodeAttribute(tag, "size"));
    expect(sizes[0]).toBeGreaterThan(sizes[1] ?? Infinity);
    expect(sizes[1]).toBeGreaterThan(sizes[2] ?? Infinity);
    expect(graph.getNodeAttributes("food")).toMatchObject({ x: 1, y: 2, label: "#food (25)", posts: 25 });
    expect(graph.getNodeAttribute("travel", "color")).toBe(OWN_NODE_COLOUR);
    expect(graph.getNodeAttribute("food", "color")).not.toBe(OWN_NODE_COLOUR);
  });

  it("draws heavier edges thicker and shows each weight", () => {
    const heavy = graph.getEdgeAttributes(graph.edge("food", "travel"));
    const light = graph.getEdgeAttributes(graph.edge("beach", "food"));
    expect(heavy.size).toBeGreaterThan(light.size);
    expect([heavy.label, light.label]).toEqual(["25", "1"]);
    expect(graph.size).toBe(3);
  });
});
