import type { ChartConfiguration } from "chart.js";
import type { FrequencyTable } from "./hashtag-frequencies.ts";

export type CoOccurrenceChartConfig = ChartConfiguration<"bar", number[], string>;

export const coOccurrenceTitle = (hashtag: string): string => `Co-occurring hashtags for #${hashtag} posts`;

/** The seed's bar colour (seaborn's first palette colour), so old and new plots look alike. */
const BAR_COLOUR = "#4c72b0";

/**
 * One Chart.js config for both the companion's PNG and the extension's chart: horizontal bars of the co-occurring
 * hashtags (the hashtag itself left out) as a percentage of the posts collected for it, most common on top.
 */
export const coOccurrenceChartConfig = (
  table: FrequencyTable,
  options: { responsive?: boolean } = {},
): CoOccurrenceChartConfig => {
  const rows = table.rows.filter((row) => row.rank > 0);
  return {
    type: "bar",
    data: {
      labels: rows.map((row) => row.hashtag),
      datasets: [
        {
          label: "Percent of posts",
          data: rows.map((row) => Math.round(row.ratio * 10_000) / 100),
          backgroundColor: BAR_COLOUR,
        },
      ],
    },
    options: {
      indexAxis: "y",
      // Node has no layout engine to respond to, and a PNG is drawn once.
      responsive: options.responsive ?? false,
      animation: false,
      plugins: {
        title: { display: true, text: coOccurrenceTitle(table.hashtag), font: { size: 16 } },
        subtitle: { display: true, text: `${table.totalPosts} posts` },
        legend: { display: false },
      },
      scales: {
        x: {
          beginAtZero: true,
          title: { display: true, text: "Percent of posts with co-occurring hashtag" },
          ticks: { callback: (value) => `${value}%` },
        },
        y: { grid: { display: false } },
      },
    },
  };
};
