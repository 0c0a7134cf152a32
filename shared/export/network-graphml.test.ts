// xmldom: an XML parser independent of the writer (it comes with graphology-gexf).
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { networkGraphml } from "./network-graphml.ts";
import { sampleNetwork } from "./sample-network.ts";

describe("networkGraphml", () => {
  it("writes GraphML with weight keys for nodes and edges that an XML parser reads back whole", () => {
    const text = networkGraphml(sampleNetwork);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const all = (name: string) => Array.from(doc.getElementsByTagName(name));
    expect(doc.documentElement?.namespaceURI).toBe("http://graphml.graphdrawing.org/xmlns");
    expect(
      all("key").map((k) => [
        k.getAttribute("for"),
        k.getAttribute("attr.name"),
        k.getAttribute("attr.type"),
      ]),
    ).toEqual([
      ["node", "label", "string"],
      ["node", "weight", "int"],
      ["edge", "weight", "int"],
    ]);
    expect(all("graph")[0]?.getAttribute("edgedefault")).toBe("undirected");
    const data = (element: Element) =>
      Array.from(element.getElementsByTagName("data")).map((d) => d.textContent);
    expect(all("node").map((node) => [node.getAttribute("id"), ...data(node)])).toEqual([
      ["travel", "travel", "3"],
      ["café", "café", "2"],
      ["a&b<c>", "a&b<c>", "1"],
    ]);
    expect(
      all("edge").map((edge) => [edge.getAttribute("source"), edge.getAttribute("target"), ...data(edge)]),
    ).toEqual([
      ["café", "travel", "2"],
      ["a&b<c>", "travel", "1"],
    ]);
  });

  it("refuses a hashtag XML cannot carry", () => {
    expect(() =>
      networkGraphml({ ...sampleNetwork, nodes: [{ hashtag: "a\u0000", posts: 1 }], edges: [] }),
    ).toThrow(/XML cannot carry/);
  });
});
