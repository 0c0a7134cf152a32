import type { ChartConfiguration } from "chart.js";
import type { HashtagTrends } from "../../../shared/analysis/hashtag-trends.ts";

/** matplotlib's tab10, as the CLI's plots: ten colours told apart in print and by most colour-blind readers. */
export const SERIES_COLOURS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
] as const;

const periodWord = (trends: HashtagTrends): string => (trends.period === "day" ? "day" : "week");

/** Posts per day or per week (weeks labelled by their Monday), empty periods included so gaps show. */
export const postsPerPeriodChartConfig = (
  trends: HashtagTrends,
): ChartConfiguration<"bar", number[], string> => ({
  type: "bar",
  data: {
    labels: trends.periods.map((period) => period.start),
    datasets: [
      { label: "Posts", data: trends.periods.map((period) => period.posts), backgroundColor: "#4c72b0" },
    ],
  },
  options: {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      title: {
        display: true,
        text: `#${trends.hashtag} posts per ${periodWord(trends)} (UTC${trends.period === "week" ? ", weeks from Monday" : ""})`,
      },
      subtitle: { display: trends.undated > 0, text: `${trends.undated} posts of unknown date not shown` },
      legend: { display: false },
    },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
  },
});

/**
 * Each top co-hashtag's share of the hashtag's posts per period, in percent; a period without posts has no share
 * and leaves a gap rather than a fall to 0.
 */
export const coHashtagShareChartConfig = (
  trends: HashtagTrends,
): ChartConfiguration<"line", (number | null)[], string> => ({
  type: "line",
  data: {
    labels: trends.periods.map((period) => period.start),
    datasets: trends.tags.map((tag, index) => {
      const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
      return {
        label: `#${tag.hashtag}`,
        data: tag.shares.map((share) => (share === null ? null : share * 100)),
        borderColor: colour,
        backgroundColor: colour,
        spanGaps: false,
        pointRadius: trends.periods.length > 60 ? 0 : 2,
      };
    }),
  },
  options: {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      title: {
        display: true,
        text: `Share of #${trends.hashtag} posts per ${periodWord(trends)} carrying each co-hashtag`,
      },
      legend: { display: true, position: "bottom" },
    },
    scales: { y: { beginAtZero: true, title: { display: true, text: "% of posts" } } },
  },
});
