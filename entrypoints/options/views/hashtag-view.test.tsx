// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAnalyser, memoryLoader } from "../analysis/analyser.ts";
import { UTF8_BOM } from "../export/selection-export.ts";
import { HashtagView } from "./hashtag-view.tsx";
import { slimPost, tableCells, viewReady } from "./view-test-helpers.ts";

const T0 = 1_735_689_600; // 2025-01-01
const posts = [
  slimPost({ id: "1", hashtags: ["travel", "food", "beach"], createTime: T0 }),
  slimPost({ id: "2", hashtags: ["travel", "food"], createTime: T0 + 86_400 }),
  slimPost({ id: "3", hashtags: ["travel", "beach", "sun"], createTime: T0 + 2 * 86_400, desc: "Sunny" }),
];

const tableRows = () => tableCells("frequency-table");

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("HashtagView", () => {
  it("shows the seed's table, and re-counts for n and a date range", async () => {
    render(
      <HashtagView hashtag="travel" analyser={createAnalyser(memoryLoader(async () => posts))} version="1" />,
    );
    await viewReady();
    expect(tableRows()).toEqual([
      ["0", "travel", "3", "1.0000"],
      ["1", "beach", "2", "0.6667"],
      ["2", "food", "2", "0.6667"],
      ["3", "sun", "1", "0.3333"],
    ]);
    expect(screen.getByRole("link", { name: "beach" }).getAttribute("href")).toBe("#/hashtag/beach");

    fireEvent.input(screen.getByLabelText("Top n"), { target: { value: "2" } });
    await waitFor(() => expect(tableRows()).toHaveLength(2));

    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2025-01-02" } });
    await waitFor(() => expect(tableRows()[0]).toEqual(["0", "travel", "2", "1.0000"]));
  });

  it("says what is wrong with a date range and keeps the last good counts", async () => {
    render(
      <HashtagView hashtag="travel" analyser={createAnalyser(memoryLoader(async () => posts))} version="1" />,
    );
    await viewReady();
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2025-02-01" } });
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2025-01-01" } });
    await waitFor(() =>
      expect(screen.getAllByRole("alert")[0]?.textContent).toBe(
        '"From" (2025-02-01) is after "To" (2025-01-01)',
      ),
    );
    expect(tableRows()[0]).toEqual(["0", "travel", "3", "1.0000"]);
  });

  it("filters the posts table by text and downloads the selection as CSV with a BOM", async () => {
    let lastBlob: Blob | null = null;
    const saved: { name: string; blob: Blob | null }[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      lastBlob = blob as Blob;
      return "blob:test";
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: lastBlob });
    });
    render(
      <HashtagView hashtag="travel" analyser={createAnalyser(memoryLoader(async () => posts))} version="1" />,
    );
    await viewReady();
    fireEvent.input(screen.getByLabelText("Posts containing"), { target: { value: "sunny" } });
    await waitFor(() => expect(screen.getByText("1 posts")).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe("travel_filtered.csv");
    const text = await saved[0]?.blob?.text();
    expect(text?.startsWith(`${UTF8_BOM}id,author,`)).toBe(true);
    expect(text?.split("\r\n").filter((line) => line !== "")).toHaveLength(2);
  });

  it("tells when the mirror has no posts for the hashtag", async () => {
    render(
      <HashtagView hashtag="empty" analyser={createAnalyser(memoryLoader(async () => []))} version="1" />,
    );
    await waitFor(() => expect(screen.getByText(/No posts of #empty in the mirror/)).toBeTruthy());
  });
});
