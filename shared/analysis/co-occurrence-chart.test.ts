import { describe, expect, it } from "vitest";
import { coOccurrenceChartConfig } from "./co-occurrence-chart.ts";
import { hashtagFrequencies } from "./hashtag-frequencies.ts";

const table = hashtagFrequencies(
  [
    { id: "1", hashtags: ["travel", "fyp", "egypt"] },
    { id: "2", hashtags: ["travel", "fyp"] },
    { id: "3", hashtags: ["travel"] },
  ],
  "travel",
);

describe("coOccurrenceChartConfig", () => {
  const config = coOccurrenceChartConfig(table);

  it("plots the co-occurring hashtags as percent of posts, the hashtag itself left out", () => {
    expect(config.type).toBe("bar");
    expect(config.data.labels).toEqual(["fyp", "egypt"]);
    expect(config.data.datasets[0]?.data).toEqual([66.67, 33.33]);
  });

  it("draws horizontal bars titled as the seed titled them, without animation", () => {
    expect(config.options?.indexAxis).toBe("y");
    expect(config.options?.plugins?.title?.text).toBe("Co-occurring hashtags for #travel posts");
    expect(config.options?.animation).toBe(false);
    expect(config.options?.responsive).toBe(false);
    expect(coOccurrenceChartConfig(table, { responsive: true }).options?.responsive).toBe(true);
  });

  it("labels the percentage axis with % signs", () => {
    const x = config.options?.scales?.x as { ticks: { callback: (value: number) => string } };
    expect(x.ticks.callback(40)).toBe("40%");
  });
});
