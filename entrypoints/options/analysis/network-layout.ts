import Graph from "graphology";
import circular from "graphology-layout/circular";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { CoHashtagNetwork } from "../../../shared/analysis/co-hashtag-network.ts";

export interface NodePosition {
  x: number;
  y: number;
}

/** The network with a position for every node: what the network view draws. */
export interface NetworkDrawing extends CoHashtagNetwork {
  positions: Record<string, NodePosition>;
}

/** Enough for a few hundred nodes to settle; a fixed count keeps the picture the same for the same data. */
const ITERATIONS = 300;
/** Above this many nodes ForceAtlas2's Barnes-Hut approximation keeps the layout under a second. */
const BARNES_HUT_FROM = 300;

/**
 * Where to draw each hashtag: ForceAtlas2 (Gephi's default layout) from a circle, the hashtag itself in the middle,
 * edges pulling by weight. Deterministic: no random start, so reloading the page does not reshuffle the picture.
 */
export const layoutNetwork = (network: CoHashtagNetwork): Record<string, NodePosition> => {
  const graph = new Graph({ type: "undirected" });
  for (const node of network.nodes) graph.addNode(node.hashtag, { size: node.posts });
  for (const edge of network.edges) graph.addEdge(edge.source, edge.target, { weight: edge.weight });
  circular.assign(graph, { scale: 100 });
  if (graph.hasNode(network.hashtag)) graph.mergeNodeAttributes(network.hashtag, { x: 0, y: 0 });
  if (graph.size > 0) {
    forceAtlas2.assign(graph, {
      iterations: ITERATIONS,
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(graph),
        barnesHutOptimize: graph.order >= BARNES_HUT_FROM,
        edgeWeightInfluence: 1,
      },
    });
  }
  const positions: Record<string, NodePosition> = {};
  graph.forEachNode((node, attributes) => {
    positions[node] = { x: attributes.x as number, y: attributes.y as number };
  });
  return positions;
};

export const drawNetwork = (network: CoHashtagNetwork): NetworkDrawing => ({
  ...network,
  positions: layoutNetwork(network),
});
