import {
  assembleNetwork,
  type CoHashtagNetwork,
  type NetworkOptions,
  networkNodes,
} from "../../shared/analysis/co-hashtag-network.ts";
import {
  type EngagementMetric,
  type EngagementPoint,
  engagementHistory,
  fastestGrowing,
  lastTwoCollections,
  type PostGrowth,
} from "../../shared/analysis/engagement.ts";
import { rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import {
  compareCounts,
  DEFAULT_TREND_TOP,
  defaultComparedPeriods,
  type HashtagTrends,
  periodRange,
  type TrendPeriod,
  trendSeries,
} from "../../shared/analysis/hashtag-trends.ts";
import { intersectRanges } from "../../shared/analysis/time-range.ts";
import { tiktokPostUrl } from "../../shared/post/post.ts";
import type { CompanionStore, TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";

/**
 * The analyses of shared/analysis over the store: the SQL (analysis-queries.ts, the per-day aggregate) gathers
 * what the pure functions take, so the CLI, the API and the dashboard compute the same numbers.
 */

/** The co-hashtag network: node counts from the aggregate, pairs in SQL among the top nodes only. */
export const storedNetwork = (
  store: CompanionStore,
  hashtag: string,
  options: NetworkOptions & { range?: TimeRange } = {},
): CoHashtagNetwork => {
  const counts = store.hashtagCounts(hashtag, options.range);
  const nodes = networkNodes(counts, hashtag, options.top).map((node) => node.hashtag);
  return assembleNetwork(
    hashtag,
    counts,
    store.analysis.networkPairs(hashtag, nodes, options.range),
    options,
  );
};

export interface TrendOptions {
  period?: TrendPeriod;
  top?: number;
  range?: TimeRange;
  /** The periods to compare (their first days); by default the last two. */
  compare?: { before: string; after: string };
  /** Rising and falling entries listed at most. */
  changes?: number;
}

/** Posts per period, the top co-hashtags' shares, and the rising and falling ones between two periods. */
export const storedTrends = (
  store: CompanionStore,
  hashtag: string,
  options: TrendOptions = {},
): HashtagTrends => {
  const period = options.period ?? "day";
  const top = options.top ?? DEFAULT_TREND_TOP;
  const range = options.range ?? {};
  // The top co-hashtags over dated posts, as trendSeries ranks them; then per-day rows for those only.
  const dated = intersectRanges(range, { until: UNDATED - 1 });
  const tags =
    top === 0
      ? []
      : rankHashtags(store.hashtagCounts(hashtag, dated), hashtag, top + 1)
          .rows.slice(1)
          .map((row) => row.hashtag);
  const series = trendSeries({ hashtag, ...store.analysis.trendDays(hashtag, tags, range) }, { period, top });
  const compared = options.compare ?? defaultComparedPeriods(series.periods);
  if (compared === null) return { ...series, comparison: null };
  const countsIn = (start: string) =>
    store.hashtagCounts(hashtag, intersectRanges(periodRange(start, period), range));
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

export interface GrowthRow extends PostGrowth {
  author: string | null;
  description: string;
  /** Epoch seconds, null when unknown. */
  createTime: number | null;
  url: string;
}

export interface HashtagGrowth {
  hashtag: string;
  metric: EngagementMetric;
  /** The two collections compared (ISO 8601). */
  from: string;
  to: string;
  posts: GrowthRow[];
}

/**
 * The hashtag's fastest-growing posts between two collections: `from`/`to` when given, else the last two
 * finished collections of the hashtag; null when it has fewer than two.
 */
export const storedGrowth = (
  store: CompanionStore,
  hashtag: string,
  options: { from?: string; to?: string; metric?: EngagementMetric; limit?: number } = {},
): HashtagGrowth | null => {
  const window =
    options.from !== undefined && options.to !== undefined
      ? { from: options.from, to: options.to }
      : lastTwoCollections(store.runs(hashtag));
  if (window === null) return null;
  const metric = options.metric ?? "plays";
  const rows = fastestGrowing(store.analysis.statsHistories(hashtag, window.to), {
    ...window,
    metric,
    limit: options.limit,
  });
  // Stats rows are deleted with their post, so every row's post is there.
  const posts = rows.flatMap((row) => {
    const post = store.getPost(row.postId);
    if (!post) return [];
    const { uniqueId: author } = post.author;
    return [
      {
        ...row,
        author,
        description: post.description,
        createTime: post.createTime,
        url: tiktokPostUrl(post),
      },
    ];
  });
  return {
    hashtag,
    metric,
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    posts,
  };
};

/** A post's counts over time, or undefined when the post is not stored. */
export const storedEngagement = (
  store: CompanionStore,
  postId: string,
): { postId: string; points: EngagementPoint[] } | undefined =>
  store.getPost(postId) && { postId, points: engagementHistory(store.statsHistory(postId)) };
