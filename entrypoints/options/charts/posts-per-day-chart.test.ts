import { describe, expect, it } from "vitest";
import { postsPerDayChartConfig } from "./posts-per-day-chart.ts";

describe("postsPerDayChartConfig", () => {
  it("has a bar per day and says how many posts it cannot place", () => {
    const config = postsPerDayChartConfig("travel", {
      days: [
        { day: "2025-01-01", posts: 2 },
        { day: "2025-01-02", posts: 0 },
      ],
      undated: 3,
    });
    expect(config.data.labels).toEqual(["2025-01-01", "2025-01-02"]);
    expect(config.data.datasets[0]?.data).toEqual([2, 0]);
    expect(config.options?.plugins?.subtitle).toEqual({
      display: true,
      text: "3 posts of unknown date not shown",
    });
  });
});
