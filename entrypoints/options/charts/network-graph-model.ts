import Graph from "graphology";
import type { NetworkDrawing } from "../analysis/network-layout.ts";

export interface NodeLook {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  posts: number;
}

export interface EdgeLook {
  size: number;
  label: string;
  color: string;
  weight: number;
}

export type NetworkGraph = Graph<NodeLook, EdgeLook>;

const MIN_NODE = 4;
const MAX_NODE = 24;
const MIN_EDGE = 1;
const MAX_EDGE = 8;
/** The posts table's colours: the co-occurrence chart's bars, and the hashtag itself set apart. */
export const NODE_COLOUR = "#4c72b0";
export const OWN_NODE_COLOUR = "#dd8452";
export const EDGE_COLOUR = "#9aa7b8";

/**
 * The drawing as a graph sigma.js renders: node area by post count (a square root, so a hashtag in every post does
 * not hide the rest), edge thickness by weight, each labelled with its number so weights can be read off.
 */
export const networkGraph = (drawing: NetworkDrawing): NetworkGraph => {
  const graph: NetworkGraph = new Graph({ type: "undirected" });
  const maxPosts = Math.max(1, ...drawing.nodes.map((node) => node.posts));
  const maxWeight = Math.max(1, ...drawing.edges.map((edge) => edge.weight));
  for (const node of drawing.nodes) {
    const position = drawing.positions[node.hashtag] ?? { x: 0, y: 0 };
    graph.addNode(node.hashtag, {
      ...position,
      size: MIN_NODE + (MAX_NODE - MIN_NODE) * Math.sqrt(node.posts / maxPosts),
      label: `#${node.hashtag} (${node.posts})`,
      color: node.hashtag === drawing.hashtag ? OWN_NODE_COLOUR : NODE_COLOUR,
      posts: node.posts,
    });
  }
  for (const edge of drawing.edges) {
    graph.addEdge(edge.source, edge.target, {
      size: MIN_EDGE + (MAX_EDGE - MIN_EDGE) * (edge.weight / maxWeight),
      label: String(edge.weight),
      color: EDGE_COLOUR,
      weight: edge.weight,
    });
  }
  return graph;
};
