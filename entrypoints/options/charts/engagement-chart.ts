import type { ChartConfiguration } from "chart.js";
import type { EngagementPoint } from "../../../shared/analysis/engagement.ts";
import { SERIES_COLOURS } from "./trend-charts.ts";

/** An observation's time as the page shows times: UTC, to the minute. */
export const formatSeenAt = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * A post's counts at each collection that saw them change. Plays run a hundred times the others, so they get the
 * left axis and likes, comments and shares the right one; an unknown count leaves a gap.
 */
export const engagementChartConfig = (
  postId: string,
  points: readonly EngagementPoint[],
): ChartConfiguration<"line", (number | null)[], string> => {
  const series = (
    metric: "plays" | "likes" | "comments" | "shares",
    colour: string,
    axis: "plays" | "others",
  ) => ({
    label: metric[0]?.toUpperCase() + metric.slice(1),
    data: points.map((point) => point[metric]),
    borderColor: colour,
    backgroundColor: colour,
    yAxisID: axis,
    spanGaps: false,
  });
  return {
    type: "line",
    data: {
      labels: points.map((point) => formatSeenAt(point.seenAt)),
      datasets: [
        series("plays", SERIES_COLOURS[0], "plays"),
        series("likes", SERIES_COLOURS[1], "others"),
        series("comments", SERIES_COLOURS[2], "others"),
        series("shares", SERIES_COLOURS[3], "others"),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        title: { display: true, text: `Post ${postId}: counts at each collection that saw them change` },
        legend: { display: true, position: "bottom" },
      },
      scales: {
        plays: {
          type: "linear",
          position: "left",
          beginAtZero: true,
          title: { display: true, text: "plays" },
        },
        others: {
          type: "linear",
          position: "right",
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: "likes, comments, shares" },
        },
      },
    },
  };
};
