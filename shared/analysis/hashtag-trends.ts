import { normaliseHashtag } from "../hashtag/hashtag.ts";
import type { Post } from "../post/post.ts";
import { countHashtags, type HashtagCounts, rankHashtags } from "./hashtag-frequencies.ts";
import { compareCodePoints } from "./python-format.ts";
import { inTimeRange, type TimeRange } from "./time-range.ts";

export const TREND_PERIODS = ["day", "week"] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];
export const DEFAULT_TREND_TOP = 10;

const DAY_SECONDS = 86_400;

/** UTC day of an instant, YYYY-MM-DD. */
export const dayOf = (epochSeconds: number): string =>
  new Date(epochSeconds * 1000).toISOString().slice(0, 10);

/**
 * The first day of the period holding `epochSeconds`: the UTC day itself, or the Monday of its ISO week (UTC).
 * 1970-01-01 was a Thursday, hence the 3.
 */
export const periodStart = (epochSeconds: number, period: TrendPeriod): number => {
  const day = Math.floor(epochSeconds / DAY_SECONDS);
  const first = period === "day" ? day : Math.floor((day + 3) / 7) * 7 - 3;
  return first * DAY_SECONDS;
};

/** The inclusive creation-time range of the period starting on `start` (YYYY-MM-DD, a Monday for weeks). */
export const periodRange = (start: string, period: TrendPeriod): Required<TimeRange> => {
  const since = Date.parse(`${start}T00:00:00Z`) / 1000;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(start) || Number.isNaN(since))
    throw new RangeError(`A period starts on a day (YYYY-MM-DD), got ${JSON.stringify(start)}`);
  if (periodStart(since, period) !== since)
    throw new RangeError(`${start} is not a Monday, so no week starts on it`);
  return { since, until: since + (period === "day" ? 1 : 7) * DAY_SECONDS - 1 };
};

/** Posts of the hashtag created on one UTC day (the per-day aggregate's shape). */
export interface DayPosts {
  day: string;
  posts: number;
}

/** Posts of the hashtag created on one UTC day that carry `tag`. */
export interface DayTagPosts {
  day: string;
  tag: string;
  posts: number;
}

export interface PeriodCount {
  /** First day of the period, YYYY-MM-DD (UTC; a Monday for weeks). */
  start: string;
  posts: number;
}

export interface TagSeries {
  hashtag: string;
  /** Posts over the whole range carrying it (its rank's count). */
  total: number;
  /** Per period, aligned with `periods`: posts carrying it, and their share of the period's posts (null: none). */
  counts: number[];
  shares: (number | null)[];
}

export interface TrendSeries {
  hashtag: string;
  period: TrendPeriod;
  /** Dated posts counted. */
  totalPosts: number;
  /** Posts of unknown creation time, left out of every period. */
  undated: number;
  /** Every period from the first post's to the last's, empty ones included, oldest first. */
  periods: PeriodCount[];
  /** The top co-hashtags (the hashtag itself excluded), in frequency-table order. */
  tags: TagSeries[];
}

export interface TrendInput {
  hashtag: string;
  days: Iterable<DayPosts>;
  /** Rows for at least the top co-hashtags; others are ignored. */
  tagDays: Iterable<DayTagPosts>;
  undated?: number;
}

/**
 * Posts per period and the top co-hashtags' shares per period, from per-day counts (the store's aggregate or
 * `dailyCounts` over posts). The top tags are ranked by their total over all days, as the frequency table ranks.
 */
export const trendSeries = (
  input: TrendInput,
  options: { period?: TrendPeriod; top?: number } = {},
): TrendSeries => {
  const period = options.period ?? "day";
  const top = options.top ?? DEFAULT_TREND_TOP;
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number, got ${top}`);
  const self = normaliseHashtag(input.hashtag);
  const startOf = (day: string) => periodStart(Date.parse(`${day}T00:00:00Z`) / 1000, period);

  const perPeriod = new Map<number, number>();
  let totalPosts = 0;
  for (const { day, posts } of input.days) {
    if (posts === 0) continue;
    const start = startOf(day);
    perPeriod.set(start, (perPeriod.get(start) ?? 0) + posts);
    totalPosts += posts;
  }
  const tagTotals = new Map<string, number>();
  const tagPeriods = new Map<string, Map<number, number>>();
  for (const { day, tag, posts } of input.tagDays) {
    const name = normaliseHashtag(tag);
    if (name === self || posts === 0) continue;
    tagTotals.set(name, (tagTotals.get(name) ?? 0) + posts);
    const byPeriod = tagPeriods.get(name) ?? new Map<number, number>();
    tagPeriods.set(name, byPeriod);
    const start = startOf(day);
    byPeriod.set(start, (byPeriod.get(start) ?? 0) + posts);
  }

  const starts = [...perPeriod.keys()];
  const periods: PeriodCount[] = [];
  if (starts.length > 0) {
    const first = starts.reduce((min, start) => Math.min(min, start));
    const last = starts.reduce((max, start) => Math.max(max, start));
    const step = (period === "day" ? 1 : 7) * DAY_SECONDS;
    for (let start = first; start <= last; start += step)
      periods.push({ start: dayOf(start), posts: perPeriod.get(start) ?? 0 });
  }
  const topTags =
    top === 0
      ? []
      : rankHashtags({ totalPosts, counts: tagTotals }, self, top + 1)
          .rows.slice(1)
          .map((row) => row.hashtag);
  const tags = topTags.map((tag): TagSeries => {
    const byPeriod = tagPeriods.get(tag) ?? new Map<number, number>();
    const counts = periods.map(({ start }) => byPeriod.get(Date.parse(`${start}T00:00:00Z`) / 1000) ?? 0);
    return {
      hashtag: tag,
      total: tagTotals.get(tag) ?? 0,
      counts,
      shares: counts.map((count, i) => {
        const posts = periods[i]?.posts ?? 0;
        return posts === 0 ? null : count / posts;
      }),
    };
  });
  return { hashtag: self, period, totalPosts, undated: input.undated ?? 0, periods, tags };
};

/** Per-day counts of distinct posts and of each of their tags (each tag once per post, as the frequency table). */
export const dailyCounts = (
  posts: Iterable<Pick<Post, "id" | "createTime" | "hashtags">>,
  hashtag: string,
  range: TimeRange = {},
): TrendInput => {
  const days = new Map<string, number>();
  const tagDays = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  let undated = 0;
  for (const post of posts) {
    if (seen.has(post.id) || !inTimeRange(post.createTime, range)) continue;
    seen.add(post.id);
    if (post.createTime === null) {
      undated++;
      continue;
    }
    const day = dayOf(post.createTime);
    days.set(day, (days.get(day) ?? 0) + 1);
    const tags = tagDays.get(day) ?? new Map<string, number>();
    tagDays.set(day, tags);
    for (const tag of new Set(post.hashtags.map(normaliseHashtag)))
      if (tag !== "") tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return {
    hashtag,
    days: [...days].map(([day, count]) => ({ day, posts: count })),
    tagDays: [...tagDays].flatMap(([day, tags]) =>
      [...tags].map(([tag, count]) => ({ day, tag, posts: count })),
    ),
    undated,
  };
};

export interface TagChange {
  hashtag: string;
  before: { posts: number; share: number };
  after: { posts: number; share: number };
  /** after.share - before.share, in shares of the hashtag's posts (0.05: five percentage points). */
  change: number;
}

export interface TrendComparison {
  before: { start: string; posts: number };
  after: { start: string; posts: number };
  /** Largest gain in share first; only tags whose share grew. */
  rising: TagChange[];
  /** Largest loss in share first; only tags whose share fell. */
  falling: TagChange[];
}

/**
 * Which co-hashtags gained or lost share of the hashtag's posts between two periods, with the counts behind each
 * share so a reader can tell 1 of 2 posts from 500 of 1000. A period without posts gives every tag a share of 0.
 */
export const compareCounts = (
  hashtag: string,
  before: { start: string; counts: HashtagCounts },
  after: { start: string; counts: HashtagCounts },
  limit = DEFAULT_TREND_TOP,
): TrendComparison => {
  const self = normaliseHashtag(hashtag);
  const share = (posts: number, total: number) => (total === 0 ? 0 : posts / total);
  const changes: TagChange[] = [];
  for (const tag of new Set([...before.counts.counts.keys(), ...after.counts.counts.keys()])) {
    if (tag === self) continue;
    const postsBefore = before.counts.counts.get(tag) ?? 0;
    const postsAfter = after.counts.counts.get(tag) ?? 0;
    const shareBefore = share(postsBefore, before.counts.totalPosts);
    const shareAfter = share(postsAfter, after.counts.totalPosts);
    changes.push({
      hashtag: tag,
      before: { posts: postsBefore, share: shareBefore },
      after: { posts: postsAfter, share: shareAfter },
      change: shareAfter - shareBefore,
    });
  }
  const rising = changes
    .filter((entry) => entry.change > 0)
    .sort(
      (a, b) =>
        b.change - a.change || b.after.posts - a.after.posts || compareCodePoints(a.hashtag, b.hashtag),
    );
  const falling = changes
    .filter((entry) => entry.change < 0)
    .sort(
      (a, b) =>
        a.change - b.change || b.before.posts - a.before.posts || compareCodePoints(a.hashtag, b.hashtag),
    );
  return {
    before: { start: before.start, posts: before.counts.totalPosts },
    after: { start: after.start, posts: after.counts.totalPosts },
    rising: rising.slice(0, limit),
    falling: falling.slice(0, limit),
  };
};

export interface HashtagTrends extends TrendSeries {
  /** Between the two periods asked for, by default the last two; null with fewer than two periods. */
  comparison: TrendComparison | null;
}

/** The two periods compared by default: the one before last and the last. */
export const defaultComparedPeriods = (periods: PeriodCount[]): { before: string; after: string } | null => {
  const before = periods.at(-2);
  const after = periods.at(-1);
  return before && after ? { before: before.start, after: after.start } : null;
};

/** Trends over posts in memory (the dashboard); the companion feeds `trendSeries` and `compareCounts` from SQL. */
export const hashtagTrends = (
  posts: Iterable<Pick<Post, "id" | "createTime" | "hashtags">>,
  hashtag: string,
  options: {
    period?: TrendPeriod;
    top?: number;
    range?: TimeRange;
    compare?: { before: string; after: string };
    changes?: number;
  } = {},
): HashtagTrends => {
  const period = options.period ?? "day";
  // One post per id, the first seen, before any filtering, as dailyCounts and countHashtags take it.
  const byId = new Map<string, Pick<Post, "id" | "createTime" | "hashtags">>();
  for (const post of posts) if (!byId.has(post.id)) byId.set(post.id, post);
  const list = [...byId.values()];
  const series = trendSeries(dailyCounts(list, hashtag, options.range), options);
  const compared = options.compare ?? defaultComparedPeriods(series.periods);
  if (compared === null) return { ...series, comparison: null };
  const countsIn = (start: string) => {
    const range = periodRange(start, period);
    return countHashtags(
      list.filter(
        (post) => inTimeRange(post.createTime, range) && inTimeRange(post.createTime, options.range),
      ),
    );
  };
  return {
    ...series,
    comparison: compareCounts(
      hashtag,
      { start: compared.before, counts: countsIn(compared.before) },
      { start: compared.after, counts: countsIn(compared.after) },
      options.changes,
    ),
  };
};
