import { describe, expect, it } from "vitest";
import type { HashtagTrends } from "../../../shared/analysis/hashtag-trends.ts";
import { coHashtagShareChartConfig, postsPerPeriodChartConfig } from "./trend-charts.ts";

const trends: HashtagTrends = {
  hashtag: "travel",
  period: "week",
  totalPosts: 6,
  undated: 2,
  periods: [
    { start: "2024-12-30", posts: 4 },
    { start: "2025-01-06", posts: 0 },
    { start: "2025-01-13", posts: 2 },
  ],
  tags: [
    { hashtag: "food", total: 3, counts: [2, 0, 1], shares: [0.5, null, 0.5] },
    { hashtag: "sun", total: 1, counts: [1, 0, 0], shares: [0.25, null, 0] },
  ],
  comparison: null,
};

describe("trend charts", () => {
  it("has a bar per period, Mondays for weeks, and says how many posts it cannot place", () => {
    const config = postsPerPeriodChartConfig(trends);
    expect(config.data.labels).toEqual(["2024-12-30", "2025-01-06", "2025-01-13"]);
    expect(config.data.datasets[0]?.data).toEqual([4, 0, 2]);
    expect(config.options?.plugins?.subtitle).toMatchObject({
      display: true,
      text: /^2 posts of unknown date/,
    });
  });

  it("draws each co-hashtag's share in percent, with a gap where a period has no posts", () => {
    const config = coHashtagShareChartConfig(trends);
    expect(config.data.datasets.map((set) => [set.label, set.data])).toEqual([
      ["#food", [50, null, 50]],
      ["#sun", [25, null, 0]],
    ]);
    expect(config.data.datasets[0]?.borderColor).not.toBe(config.data.datasets[1]?.borderColor);
  });
});
