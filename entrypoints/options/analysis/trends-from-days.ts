import { type HashtagCounts, rankHashtags } from "../../../shared/analysis/hashtag-frequencies.ts";
import {
  compareCounts,
  type DayPosts,
  type DayTagPosts,
  defaultComparedPeriods,
  type HashtagTrends,
  periodRange,
  trendSeries,
} from "../../../shared/analysis/hashtag-trends.ts";
import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import { type HashtagDay, UNDATED } from "../../common/mirror/hashtag-days.ts";
import { DAY_SECONDS, dayLabel, daysInRange } from "./count-from-days.ts";
import type { TrendsRequest } from "./network-and-trends.ts";

/**
 * analyseTrends' result added up from the hashtag's day counts (a few hundred rows) instead of its posts, through
 * the shared trendSeries and compareCounts the companion feeds from its own day aggregate. The range must cover
 * whole days (coversWholeDays), as the view's date fields give it.
 */
export const trendsFromDays = (days: readonly HashtagDay[], request: TrendsRequest): HashtagTrends => {
  const { range, hashtag, period } = request;
  const inRange = daysInRange(days, range);
  const dated = inRange.filter((row): row is HashtagDay & { day: number } => row.day !== UNDATED);
  const dayPosts: DayPosts[] = dated.map((row) => ({ day: dayLabel(row.day), posts: row.posts }));
  // Only the top tags' rows go to trendSeries: a year of a busy hashtag's days holds millions of (day, tag) pairs,
  // and ranking their totals here first is what trendSeries would do with all of them.
  const totals = new Map<string, number>();
  for (const row of dated)
    for (const [tag, count] of row.tags) totals.set(tag, (totals.get(tag) ?? 0) + count);
  const self = normaliseHashtag(hashtag);
  totals.delete(self);
  const kept = new Set(
    rankHashtags({ totalPosts: 0, counts: totals }, self, request.top + 1)
      .rows.slice(1)
      .map((row) => row.hashtag),
  );
  const tagDays: DayTagPosts[] = dated.flatMap((row) =>
    [...kept].flatMap((tag) => {
      const posts = row.tags.get(tag);
      return posts ? [{ day: dayLabel(row.day), tag, posts }] : [];
    }),
  );
  const undated = inRange.reduce((sum, row) => sum + (row.day === UNDATED ? row.posts : 0), 0);
  const series = trendSeries({ hashtag, days: dayPosts, tagDays, undated }, { period, top: request.top });
  const compared = request.compare ?? defaultComparedPeriods(series.periods);
  if (compared === null) return { ...series, comparison: null };
  const countsIn = (start: string): HashtagCounts => {
    const { since, until } = periodRange(start, period);
    const counts = new Map<string, number>();
    let totalPosts = 0;
    for (const row of dated) {
      const time = row.day * DAY_SECONDS;
      if (time < since || time > until) continue;
      totalPosts += row.posts;
      for (const [tag, count] of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + count);
    }
    return { totalPosts, counts };
  };
  return {
    ...series,
    comparison: compareCounts(
      hashtag,
      { start: compared.before, counts: countsIn(compared.before) },
      { start: compared.after, counts: countsIn(compared.after) },
    ),
  };
};
