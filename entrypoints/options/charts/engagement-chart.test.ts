import { describe, expect, it } from "vitest";
import { engagementChartConfig, formatSeenAt } from "./engagement-chart.ts";

describe("engagementChartConfig", () => {
  it("draws each count over the collections, plays on their own axis, unknown counts as gaps", () => {
    const config = engagementChartConfig("7", [
      { seenAt: "2025-06-01T10:00:00.000Z", plays: 1000, likes: 10, comments: 1, shares: null },
      { seenAt: "2025-06-02T10:30:00.000Z", plays: 5000, likes: 90, comments: 4, shares: 2 },
    ]);
    expect(config.data.labels).toEqual(["2025-06-01 10:00 UTC", "2025-06-02 10:30 UTC"]);
    expect(config.data.datasets.map((set) => [set.label, set.yAxisID, set.data])).toEqual([
      ["Plays", "plays", [1000, 5000]],
      ["Likes", "others", [10, 90]],
      ["Comments", "others", [1, 4]],
      ["Shares", "others", [null, 2]],
    ]);
  });

  it("shows times in UTC to the minute", () => {
    expect(formatSeenAt("2025-01-31T23:59:59.999Z")).toBe("2025-01-31 23:59 UTC");
  });
});
