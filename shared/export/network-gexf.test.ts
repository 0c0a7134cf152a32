import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { networkGexf } from "./network-gexf.ts";
import { sampleNetwork } from "./sample-network.ts";

describe("networkGexf", () => {
  it("writes an undirected GEXF 1.2 graph with weight on nodes and edges that reads back whole", () => {
    const text = networkGexf(sampleNetwork);
    expect(text).toContain('<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft"');
    expect(text).toContain('<graph defaultedgetype="undirected">');
    expect(text).toContain('<attribute id="weight" title="weight" type="integer"/>');
    expect(text).toContain('<edge id="e0" source="café" target="travel" weight="2"/>');
    const graph = parse(Graph, text);
    expect(graph.type).toBe("undirected");
    expect(graph.nodes()).toEqual(["travel", "café", "a&b<c>"]);
    expect(graph.getNodeAttributes("a&b<c>")).toMatchObject({ label: "a&b<c>", weight: 1 });
    expect(
      graph.mapEdges((_edge, attributes, source, target) => [source, target, attributes.weight]),
    ).toEqual([
      ["café", "travel", 2],
      ["a&b<c>", "travel", 1],
    ]);
  });

  it("gives the same bytes for the same network", () => {
    expect(networkGexf(sampleNetwork)).toBe(networkGexf(structuredClone(sampleNetwork)));
  });

  it("refuses a hashtag XML cannot carry, naming it", () => {
    const bad = { ...sampleNetwork, nodes: [{ hashtag: "a\u0001b", posts: 1 }], edges: [] };
    expect(() => networkGexf(bad)).toThrow(/"a\\u0001b" holds U\+0001, which XML cannot carry; use the CSV/);
  });
});
