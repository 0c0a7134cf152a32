import type { ChartConfiguration } from "chart.js";
import type { PostsPerDay } from "../../../shared/analysis/posts-per-day.ts";

/** Posts over time: one bar per day, empty days included so gaps in collection show. */
export const postsPerDayChartConfig = (
  hashtag: string,
  perDay: PostsPerDay,
): ChartConfiguration<"bar", number[], string> => ({
  type: "bar",
  data: {
    labels: perDay.days.map((day) => day.day),
    datasets: [{ label: "Posts", data: perDay.days.map((day) => day.posts), backgroundColor: "#4c72b0" }],
  },
  options: {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      title: { display: true, text: `#${hashtag} posts per day (UTC)` },
      legend: { display: false },
      subtitle: {
        display: perDay.undated > 0,
        text: `${perDay.undated} posts of unknown date not shown`,
      },
    },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
  },
});
