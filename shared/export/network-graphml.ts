import { create } from "xmlbuilder2";
import type { CoHashtagNetwork } from "../analysis/co-hashtag-network.ts";
import { requireXmlText } from "./xml-text.ts";

/**
 * The network as GraphML (Gephi, Cytoscape, igraph, NetworkX): an undirected graph, nodes identified and labelled
 * by hashtag with `weight` (posts), edges with `weight` (posts carrying both).
 */
export const networkGraphml = (network: CoHashtagNetwork): string => {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(
    "http://graphml.graphdrawing.org/xmlns",
    "graphml",
  );
  root.ele("key", { id: "label", for: "node", "attr.name": "label", "attr.type": "string" });
  root.ele("key", { id: "node_weight", for: "node", "attr.name": "weight", "attr.type": "int" });
  root.ele("key", { id: "edge_weight", for: "edge", "attr.name": "weight", "attr.type": "int" });
  const graph = root.ele("graph", {
    id: requireXmlText(network.hashtag, "Hashtag"),
    edgedefault: "undirected",
  });
  for (const node of network.nodes) {
    const element = graph.ele("node", { id: requireXmlText(node.hashtag, "Hashtag") });
    element.ele("data", { key: "label" }).txt(node.hashtag);
    element.ele("data", { key: "node_weight" }).txt(String(node.posts));
  }
  network.edges.forEach((edge, index) => {
    graph
      .ele("edge", { id: `e${index}`, source: edge.source, target: edge.target })
      .ele("data", { key: "edge_weight" })
      .txt(String(edge.weight));
  });
  return `${root.end({ prettyPrint: true })}\n`;
};
