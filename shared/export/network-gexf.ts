import Graph from "graphology";
import { write } from "graphology-gexf";
import type { CoHashtagNetwork } from "../analysis/co-hashtag-network.ts";
import { requireXmlText } from "./xml-text.ts";

/**
 * The network as GEXF 1.2 for Gephi: an undirected graph, nodes labelled by hashtag with a `weight` attribute
 * (posts), edges with GEXF's own `weight`. Edge ids are their rank, so the same network gives the same bytes
 * (the CLI's file equals the dashboard's).
 */
export const networkGexf = (network: CoHashtagNetwork): string => {
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const node of network.nodes)
    graph.addNode(requireXmlText(node.hashtag, "Hashtag"), { label: node.hashtag, weight: node.posts });
  network.edges.forEach((edge, index) => {
    graph.addUndirectedEdgeWithKey(`e${index}`, edge.source, edge.target, { weight: edge.weight });
  });
  return `${write(graph, { version: "1.2" })}\n`;
};
