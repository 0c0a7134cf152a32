// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type EngagementSource,
  EngagementView,
  type GrowthQuery,
  type HashtagGrowth,
} from "./engagement-view.tsx";
import { tableCells, viewReady } from "./view-test-helpers.ts";

const growth = (metric: GrowthQuery["metric"]): HashtagGrowth => ({
  hashtag: "travel",
  metric,
  from: "2025-06-01T10:00:00.000Z",
  to: "2025-06-03T10:00:00.000Z",
  posts: [
    {
      postId: "72",
      metric,
      before: { seenAt: "2025-06-01T09:00:00.000Z", value: 1000 },
      after: { seenAt: "2025-06-03T09:00:00.000Z", value: 5000 },
      growth: 4000,
      relative: 4,
      perDay: 2000,
      author: "ana",
      description: "Sunrise over the bay",
      createTime: 1_748_000_000,
      url: "https://www.tiktok.com/@ana/video/72",
    },
    {
      postId: "9",
      metric,
      before: { seenAt: "2025-06-01T09:00:00.000Z", value: 0 },
      after: { seenAt: "2025-06-03T09:00:00.000Z", value: 10 },
      growth: 10,
      relative: null,
      perDay: 5,
      author: null,
      description: "",
      createTime: null,
      url: "https://www.tiktok.com/@/video/9",
    },
  ],
});

const fakeSource = (overrides: Partial<EngagementSource> = {}) => {
  const asked: GrowthQuery[] = [];
  const source: EngagementSource = {
    growth: async (_hashtag, query) => {
      asked.push(query);
      return growth(query.metric);
    },
    history: async (postId) => ({
      postId,
      points: [
        { seenAt: "2025-06-01T09:00:00.000Z", plays: 1000, likes: 10, comments: 1, shares: 0 },
        { seenAt: "2025-06-03T09:00:00.000Z", plays: 5000, likes: 70, comments: null, shares: 3 },
      ],
    }),
    ...overrides,
  };
  return { source, asked };
};

afterEach(cleanup);

describe("EngagementView", () => {
  it("says in plain words that the history needs the companion, and how to start it", () => {
    render(<EngagementView hashtag="travel" source={null} />);
    expect(screen.getByRole("status").textContent).toMatch(
      /kept by the companion .* not running .*npx tiktok-hashtag-analysis start/,
    );
  });

  it("says it is checking, not that the companion is stopped, until the page has asked it", () => {
    render(<EngagementView hashtag="travel" source="checking" />);
    expect(screen.getByRole("status").textContent).toBe("Checking whether the companion is running…");
    expect(screen.queryByText(/not running/)).toBeNull();
  });

  it("lists the fastest-growing posts, for the count chosen", async () => {
    const { source, asked } = fakeSource();
    render(<EngagementView hashtag="travel" source={source} />);
    await waitFor(() => expect(screen.getByTestId("growth-table")).toBeTruthy());
    expect(tableCells("growth-table")).toEqual([
      ["72 TikTok", "ana", "Sunrise over the bay", "1,000", "5,000", "4,000", "400.0%", "2000.0"],
      ["9 TikTok", "unknown", "", "0", "10", "10", "–", "5.0"],
    ]);
    expect(screen.getByRole("link", { name: "72" }).getAttribute("href")).toBe(
      "#/hashtag/travel/engagement?post=72",
    );
    expect(screen.getByTestId("growth-table").querySelector("caption")?.textContent).toBe(
      "Fastest-growing posts by plays, counts known at 2025-06-01 10:00 UTC against 2025-06-03 10:00 UTC",
    );
    fireEvent.change(screen.getByLabelText("Count"), { target: { value: "likes" } });
    await waitFor(() => expect(asked.at(-1)).toEqual({ metric: "likes", limit: 20 }));
  });

  it("compares the counts known on two days, from the start of the first to the end of the second", async () => {
    const { source, asked } = fakeSource();
    render(<EngagementView hashtag="travel" source={source} />);
    await waitFor(() => expect(asked).toHaveLength(1));
    fireEvent.input(screen.getByLabelText("Counts known on"), { target: { value: "2025-06-01" } });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^Give both days/));
    fireEvent.input(screen.getByLabelText("against those known on"), { target: { value: "2025-06-02" } });
    await waitFor(() =>
      expect(asked.at(-1)).toEqual({
        metric: "plays",
        limit: 20,
        from: "2025-06-01T00:00:00.000Z",
        to: "2025-06-02T23:59:59.000Z",
      }),
    );
  });

  it("says when there are not two collections to compare, and when the companion fails", async () => {
    const { source } = fakeSource({ growth: async () => null });
    render(<EngagementView hashtag="travel" source={source} />);
    await waitFor(() => expect(screen.getByText(/fewer than two finished collections/)).toBeTruthy());
    cleanup();
    const failing = fakeSource({
      growth: () => Promise.reject(new Error("The companion is not running: start it with …")),
    });
    render(<EngagementView hashtag="travel" source={failing.source} />);
    await waitFor(() =>
      expect(screen.getByText(/Could not read the growth: The companion is not running/)).toBeTruthy(),
    );
  });

  it("shows a post's counts over time as a table beside the chart", async () => {
    const history = vi.fn(fakeSource().source.history);
    const { source } = fakeSource({ history });
    render(<EngagementView hashtag="travel" postId="72" source={source} />);
    await viewReady();
    expect(history).toHaveBeenCalledWith("72");
    expect(tableCells("history-table")).toEqual([
      ["2025-06-01 09:00 UTC", "1,000", "10", "1", "0"],
      ["2025-06-03 09:00 UTC", "5,000", "70", "–", "3"],
    ]);
    expect(screen.getByRole("img", { name: /post 72 over time/ })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Close this post" }).getAttribute("href")).toBe(
      "#/hashtag/travel/engagement",
    );
  });
});
