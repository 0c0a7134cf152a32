// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashtagTrends } from "../../../shared/analysis/hashtag-trends.ts";
import { trendsCsv } from "../../../shared/export/trends-csv.ts";
import { createAnalyser, memoryLoader } from "../analysis/analyser.ts";
import { UTF8_BOM } from "../export/selection-export.ts";
import { TrendsView } from "./trends-view.tsx";
import { slimPost, tableCells, viewReady } from "./view-test-helpers.ts";

const DAY = 86_400;
const MONDAY = 1_735_516_800; // 2024-12-30
// Week 1: food in 3 of 4 posts, sun in 1; week 2: food in 1 of 4, sun in 3; week 3: one post, beach.
const posts = [
  slimPost({ id: "1", hashtags: ["travel", "food"], createTime: MONDAY }),
  slimPost({ id: "2", hashtags: ["travel", "food"], createTime: MONDAY + DAY }),
  slimPost({ id: "3", hashtags: ["travel", "food", "sun"], createTime: MONDAY + 2 * DAY }),
  slimPost({ id: "4", hashtags: ["travel"], createTime: MONDAY + 3 * DAY }),
  slimPost({ id: "5", hashtags: ["travel", "sun"], createTime: MONDAY + 7 * DAY }),
  slimPost({ id: "6", hashtags: ["travel", "sun"], createTime: MONDAY + 8 * DAY }),
  slimPost({ id: "7", hashtags: ["travel", "sun", "food"], createTime: MONDAY + 9 * DAY }),
  slimPost({ id: "8", hashtags: ["travel"], createTime: MONDAY + 10 * DAY }),
  slimPost({ id: "9", hashtags: ["travel", "beach"], createTime: MONDAY + 14 * DAY }),
  slimPost({ id: "10", hashtags: ["travel", "food"], createTime: null }),
];
const analyser = () => createAnalyser(memoryLoader(async () => posts));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("TrendsView", () => {
  it("tables posts per week with each top co-hashtag's count and share", async () => {
    render(<TrendsView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    expect(tableCells("trends-table")).toEqual([
      ["2024-12-30", "4", "3 (75.0%)", "1 (25.0%)", "0 (0.0%)"],
      ["2025-01-06", "4", "1 (25.0%)", "3 (75.0%)", "0 (0.0%)"],
      ["2025-01-13", "1", "0 (0.0%)", "0 (0.0%)", "1 (100.0%)"],
    ]);
    expect(screen.getByTestId("trends-table").querySelector("caption")?.textContent).toMatch(
      /^9 dated posts/,
    );
  });

  it("lists what rose and what fell between the last two periods, or two chosen ones, with counts", async () => {
    render(<TrendsView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    expect(tableCells("rising")).toEqual([["#beach", "0 (0.0%)", "1 (100.0%)", "+100.0 points"]]);
    expect(tableCells("falling")).toEqual([
      ["#sun", "3 (75.0%)", "0 (0.0%)", "-75.0 points"],
      ["#food", "1 (25.0%)", "0 (0.0%)", "-25.0 points"],
    ]);
    expect(within(screen.getByTestId("rising")).getByRole("link").getAttribute("href")).toBe(
      "#/hashtag/travel?with=beach",
    );
    fireEvent.change(screen.getByLabelText("Compare period"), { target: { value: "2024-12-30" } });
    fireEvent.change(screen.getByLabelText("with period"), { target: { value: "2025-01-06" } });
    await waitFor(() =>
      expect(tableCells("rising")).toEqual([["#sun", "1 (25.0%)", "3 (75.0%)", "+50.0 points"]]),
    );
    expect(tableCells("falling")).toEqual([["#food", "3 (75.0%)", "1 (25.0%)", "-50.0 points"]]);
  });

  it("counts per day within a date range, for fewer co-hashtags", async () => {
    render(<TrendsView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    fireEvent.change(screen.getByLabelText("Period"), { target: { value: "day" } });
    fireEvent.input(screen.getByLabelText("Co-hashtags"), { target: { value: "1" } });
    fireEvent.input(screen.getByLabelText("From"), { target: { value: "2025-01-06" } });
    fireEvent.input(screen.getByLabelText("To"), { target: { value: "2025-01-07" } });
    await waitFor(() =>
      expect(tableCells("trends-table")).toEqual([
        ["2025-01-06", "1", "1 (100.0%)"],
        ["2025-01-07", "1", "1 (100.0%)"],
      ]),
    );
  });

  it("downloads the table as the shared trends CSV, after a BOM", async () => {
    let blob: Blob | null = null;
    const saved: { name: string; blob: Blob | null }[] = [];
    vi.spyOn(URL, "createObjectURL").mockImplementation((value) => {
      blob = value as Blob;
      return "blob:test";
    });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob });
    });
    render(<TrendsView hashtag="travel" analyser={analyser()} version="1" />);
    await viewReady();
    fireEvent.click(screen.getByRole("button", { name: "Download CSV" }));
    expect(saved[0]?.name).toBe("travel_trends_week.csv");
    expect(await saved[0]?.blob?.text()).toBe(
      UTF8_BOM + trendsCsv(hashtagTrends(posts, "travel", { period: "week", top: 5 })),
    );
  });

  it("tells when the mirror has no dated posts for the hashtag", async () => {
    render(
      <TrendsView hashtag="empty" analyser={createAnalyser(memoryLoader(async () => []))} version="1" />,
    );
    await waitFor(() => expect(screen.getByText(/No dated posts of #empty/)).toBeTruthy());
  });
});
