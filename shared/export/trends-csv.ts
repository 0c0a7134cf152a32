import type { TrendSeries } from "../analysis/hashtag-trends.ts";
import { csvText } from "./csv.ts";

/**
 * Trends in long form, one row per period and top co-hashtag: `period_start, period_posts, co_hashtag, posts,
 * share` (share empty for a period without posts). A period with no top co-hashtag still gets a row, with the
 * last three cells empty, so the posts per period are all there.
 */
export const trendsCsv = (trends: TrendSeries): string =>
  csvText([
    ["period_start", "period_posts", "co_hashtag", "posts", "share"],
    ...trends.periods.flatMap((period, i) =>
      trends.tags.length === 0
        ? [[period.start, period.posts, null, null, null]]
        : trends.tags.map((tag) => [
            period.start,
            period.posts,
            tag.hashtag,
            tag.counts[i] ?? 0,
            tag.shares[i] ?? null,
          ]),
    ),
  ]);
