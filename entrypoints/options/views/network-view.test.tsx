// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { coHashtagNetwork } from "../../../shared/analysis/co-hashtag-network.ts";
import { networkGexf } from "../../../shared/export/network-gexf.ts";
import { createAnalyser, memoryLoader } from "../analysis/analyser.ts";
import type { NetworkDrawing } from "../analysis/network-layout.ts";
import { NetworkView } from "./network-view.tsx";
import { slimPost, tableCells, viewReady } from "./view-test-helpers.ts";

// sigma.js draws with WebGL, which happy-dom has not: the picture is checked in a real Chromium
// (test/extension/analysis.test.ts). Here a button per node stands for a click on it.
vi.mock("../components/network-graph.tsx", () => ({
  NetworkGraphView: ({ drawing, onChoose }: { drawing: NetworkDrawing; onChoose: (tag: string) => void }) => (
    <div data-testid="graph">
      {drawing.nodes.map((node) => (
        <button key={node.hashtag} type="button" onClick={() => onChoose(node.hashtag)}>
          node {node.hashtag}
        </button>
      ))}
    </div>
  ),
}));

const T0 = 1_735_689_600; // 2025-01-01
const posts = [
  slimPost({ id: "1", hashtags: ["travel", "food", "beach"], createTime: T0 }),
  slimPost({ id: "2", hashtags: ["travel", "food", "beach"], createTime: T0 + 86_400 }),
  slimPost({ id: "3", hashtags: ["travel", "food", "sun"], createTime: T0 + 2 * 86_400 }),
  slimPost({ id: "4", hashtags: ["travel", "sun"], createTime: T0 + 3 * 86_400 }),
];
const analyser = () => createAnalyser(memoryLoader(async () => posts));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("NetworkView", () => {
  it("lists the nodes and links the shared network code counts, and re-counts for the minimum weight", async () => {
    render(<NetworkView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    expect(tableCells("network-nodes")).toEqual([
      ["0", "#travel", "4", "3"],
      ["1", "#food", "3", "2"],
      ["2", "#beach", "2", "2"],
      ["3", "#sun", "2", "1"],
    ]);
    expect(tableCells("network-links")).toEqual([
      ["#food", "#travel", "3"],
      ["#beach", "#food", "2"],
      ["#beach", "#travel", "2"],
      ["#sun", "#travel", "2"],
    ]);
    fireEvent.input(screen.getByLabelText("Minimum posts per link"), { target: { value: "3" } });
    await waitFor(() => expect(tableCells("network-links")).toEqual([["#food", "#travel", "3"]]));
    fireEvent.input(screen.getByLabelText("Hashtags shown"), { target: { value: "2" } });
    await waitFor(() => expect(tableCells("network-nodes")).toHaveLength(2));
  });

  it("opens the posts table filtered by a chosen node, by click or by the table's link", async () => {
    const navigate = vi.fn();
    render(<NetworkView hashtag="travel" analyser={analyser()} version="1" navigate={navigate} />);
    await viewReady();
    fireEvent.click(screen.getByRole("button", { name: "node food" }));
    expect(navigate).toHaveBeenCalledWith("#/hashtag/travel?with=food");
    fireEvent.click(screen.getByRole("button", { name: "node travel" }));
    expect(navigate).toHaveBeenLastCalledWith("#/hashtag/travel");
    expect(screen.getByRole("link", { name: "#sun" }).getAttribute("href")).toBe("#/hashtag/travel?with=sun");
  });

  it("counts a date range and says what is wrong with one", async () => {
    render(<NetworkView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2025-01-03" } });
    await waitFor(() => expect(tableCells("network-nodes")[0]).toEqual(["0", "#travel", "2", "1"]));
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2025-01-01" } });
    await waitFor(() =>
      expect(screen.getAllByRole("alert")[0]?.textContent).toBe(
        '"From" (2025-01-03) is after "To" (2025-01-01)',
      ),
    );
  });

  it("downloads the GEXF the CLI writes for the same network", async () => {
    let blob: Blob | null = null;
    const saved: { name: string; blob: Blob | null }[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((value) => {
      blob = value as Blob;
      return "blob:test";
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob });
    });
    render(<NetworkView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    fireEvent.click(screen.getByRole("button", { name: "Download GEXF (Gephi)" }));
    expect(saved[0]?.name).toBe("travel_network_top50_min2.gexf");
    expect(await saved[0]?.blob?.text()).toBe(
      networkGexf(coHashtagNetwork(posts, "travel", { top: 50, minWeight: 2 })),
    );
  });

  it("says why a network XML cannot carry is not saved as GEXF, and saves it as CSV", async () => {
    const saved: string[] = [];
    vi.spyOn(URL, "createObjectURL").mockReturnValue("blob:test");
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const odd = [
      ...posts,
      slimPost({ id: "5", hashtags: ["travel", "bell\u0007"] }),
      slimPost({ id: "6", hashtags: ["travel", "bell\u0007"] }),
    ];
    render(
      <NetworkView hashtag="travel" analyser={createAnalyser(memoryLoader(async () => odd))} version="1" />,
    );
    await viewReady();
    fireEvent.click(screen.getByRole("button", { name: "Download GEXF (Gephi)" }));
    await waitFor(() =>
      expect(screen.getAllByRole("alert")[1]?.textContent).toMatch(/^GEXF export failed: /),
    );
    fireEvent.click(screen.getByRole("button", { name: "Download links as CSV" }));
    expect(saved).toEqual(["travel_network_top50_min2.csv"]);
    expect(screen.getAllByRole("alert")[1]?.textContent).toBe("");
  });

  it("tells when the mirror has no posts for the hashtag", async () => {
    render(
      <NetworkView hashtag="empty" analyser={createAnalyser(memoryLoader(async () => []))} version="1" />,
    );
    await waitFor(() => expect(screen.getByText(/No posts of #empty in the mirror/)).toBeTruthy());
  });
});
