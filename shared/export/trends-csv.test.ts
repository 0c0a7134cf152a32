import { describe, expect, it } from "vitest";
import { trendSeries } from "../analysis/hashtag-trends.ts";
import { trendsCsv } from "./trends-csv.ts";

describe("trendsCsv", () => {
  const input = {
    hashtag: "x",
    days: [
      { day: "2025-01-01", posts: 2 },
      { day: "2025-01-03", posts: 1 },
    ],
    tagDays: [
      { day: "2025-01-01", tag: "y", posts: 1 },
      { day: "2025-01-03", tag: "y", posts: 1 },
    ],
  };

  it("writes one row per period and co-hashtag, share empty for a period without posts", () => {
    expect(trendsCsv(trendSeries(input))).toBe(
      "period_start,period_posts,co_hashtag,posts,share\r\n2025-01-01,2,y,1,0.5\r\n2025-01-02,0,y,0,\r\n2025-01-03,1,y,1,1\r\n",
    );
  });

  it("keeps the posts per period when no co-hashtag is asked for", () => {
    expect(trendsCsv(trendSeries(input, { top: 0 }))).toBe(
      "period_start,period_posts,co_hashtag,posts,share\r\n2025-01-01,2,,,\r\n2025-01-02,0,,,\r\n2025-01-03,1,,,\r\n",
    );
  });
});
