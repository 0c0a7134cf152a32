import { useEffect, useRef } from "preact/hooks";
import Sigma from "sigma";
import type { NetworkDrawing } from "../analysis/network-layout.ts";
import {
  type EdgeLook,
  type NetworkGraph,
  type NodeLook,
  networkGraph,
} from "../charts/network-graph-model.ts";

interface NetworkGraphViewProps {
  drawing: NetworkDrawing;
  /** What the picture shows, for screen readers (the tables beside it carry the numbers). */
  label: string;
  /** A node was clicked (not dragged). */
  onChoose: (hashtag: string) => void;
  height: number;
}

type Renderer = Sigma<NodeLook, EdgeLook>;

/**
 * Nodes follow the pointer while the button is held. Sigma reports the click that ends a drag as a click too, so
 * a node that moved is not "chosen".
 */
const enableDragging = (renderer: Renderer, graph: NetworkGraph, onChoose: (hashtag: string) => void) => {
  let dragged: string | null = null;
  let moved = false;
  renderer.on("downNode", ({ node }) => {
    dragged = node;
    moved = false;
    // Without a fixed frame the whole picture rescales under the pointer as the node moves.
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  });
  renderer.on("moveBody", ({ event, preventSigmaDefault }) => {
    if (dragged === null) return;
    const { x, y } = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x, y });
    moved = true;
    preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const release = () => {
    dragged = null;
  };
  renderer.on("upNode", release);
  renderer.on("upStage", release);
  renderer.on("clickNode", ({ node }) => {
    if (moved) moved = false;
    else onChoose(node);
  });
};

/** While the pointer is over a node, only it, its neighbours and the edges between them keep colour and labels. */
const highlightNeighbours = (renderer: Renderer, graph: NetworkGraph) => {
  let hovered: string | null = null;
  renderer.on("enterNode", ({ node }) => {
    hovered = node;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    hovered = null;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.setSetting("nodeReducer", (node, data) =>
    hovered === null || node === hovered || graph.areNeighbors(node, hovered)
      ? { ...data, forceLabel: node === hovered || undefined }
      : { ...data, color: "#e4e7eb", label: "" },
  );
  renderer.setSetting("edgeReducer", (edge, data) =>
    hovered === null
      ? data
      : graph.hasExtremity(edge, hovered)
        ? { ...data, forceLabel: true, color: "#4a5568" }
        : { ...data, hidden: true },
  );
};

/** The co-hashtag network drawn with sigma.js (WebGL): draggable nodes, wheel zoom, weights on the edges. */
export const NetworkGraphView = ({ drawing, label, onChoose, height }: NetworkGraphViewProps) => {
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Renderer | null>(null);
  const choose = useRef(onChoose);
  choose.current = onChoose;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const graph = networkGraph(drawing);
    const sigma: Renderer = new Sigma(graph, element, {
      renderEdgeLabels: true,
      labelRenderedSizeThreshold: 8,
      defaultEdgeType: "line",
      zIndex: true,
    });
    renderer.current = sigma;
    enableDragging(sigma, graph, (hashtag) => choose.current(hashtag));
    highlightNeighbours(sigma, graph);
    element.dataset.drawn = "true";
    return () => {
      renderer.current = null;
      sigma.kill();
    };
  }, [drawing]);
  const camera = (move: "in" | "out" | "reset") => {
    const view = renderer.current?.getCamera();
    if (!view) return;
    if (move === "in") void view.animatedZoom(1.5);
    else if (move === "out") void view.animatedUnzoom(1.5);
    else {
      renderer.current?.setCustomBBox(null);
      void view.animatedReset();
    }
  };
  return (
    <div class="network">
      <div class="network-camera">
        <button type="button" onClick={() => camera("in")}>
          Zoom in
        </button>
        <button type="button" onClick={() => camera("out")}>
          Zoom out
        </button>
        <button type="button" onClick={() => camera("reset")}>
          Fit to view
        </button>
      </div>
      <div
        ref={container}
        class="network-graph"
        role="img"
        aria-label={label}
        style={{ position: "relative", height: `${height}px` }}
      />
    </div>
  );
};
