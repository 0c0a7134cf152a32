import { rankHashtags } from "../../../shared/analysis/hashtag-frequencies.ts";
import type { DayCount } from "../../../shared/analysis/posts-per-day.ts";
import { type HashtagDay, UNDATED } from "../../common/mirror/hashtag-days.ts";
import type { DateRange } from "../selection/selection.ts";
import type { AnalysisRequest, HashtagCounts } from "./analyse-hashtag.ts";

export const DAY_SECONDS = 86_400;

/**
 * Whether whole UTC days cover the range exactly, as the view's date fields give it (since at 00:00:00, until at
 * 23:59:59): only then do day counts give the same numbers as counting the posts.
 */
export const coversWholeDays = (range: DateRange): boolean =>
  (range.since === undefined || range.since % DAY_SECONDS === 0) &&
  (range.until === undefined || (range.until + 1) % DAY_SECONDS === 0);

/** A day number as the YYYY-MM-DD the posts-per-day series uses. */
export const dayLabel = (day: number): string =>
  new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);

/** The day rows a whole-day range holds; undated posts belong only to the open range (as counting posts has it). */
export const daysInRange = (days: readonly HashtagDay[], range: DateRange): HashtagDay[] => {
  if (!coversWholeDays(range)) throw new RangeError("Day counts only answer ranges of whole days");
  const ranged = range.since !== undefined || range.until !== undefined;
  const first = range.since === undefined ? -Infinity : range.since / DAY_SECONDS;
  const last = range.until === undefined ? Infinity : Math.floor(range.until / DAY_SECONDS);
  return days.filter((row) => (row.day === UNDATED ? !ranged : row.day >= first && row.day <= last));
};

/**
 * countHashtag's result (the CLI's `frequencies` table and posts per day) added up from the hashtag's day
 * counts instead of its posts. The range must cover whole days (coversWholeDays).
 */
export const countFromDays = (
  days: readonly HashtagDay[],
  request: Pick<AnalysisRequest, "selection" | "n">,
): HashtagCounts => {
  const { range, hashtag } = request.selection;
  const counts = new Map<string, number>();
  const perDay = new Map<number, number>();
  let totalPosts = 0;
  let undated = 0;
  for (const row of daysInRange(days, range)) {
    totalPosts += row.posts;
    if (row.day === UNDATED) undated += row.posts;
    else perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.posts);
    for (const [tag, count] of row.tags) counts.set(tag, (counts.get(tag) ?? 0) + count);
  }
  const dayKeys = [...perDay.keys()];
  const series: DayCount[] = [];
  if (dayKeys.length > 0) {
    const from = dayKeys.reduce((min, day) => Math.min(min, day));
    const to = dayKeys.reduce((max, day) => Math.max(max, day));
    for (let day = from; day <= to; day++) series.push({ day: dayLabel(day), posts: perDay.get(day) ?? 0 });
  }
  return {
    table: rankHashtags({ totalPosts, counts }, hashtag, request.n),
    perDay: { days: series, undated },
  };
};
