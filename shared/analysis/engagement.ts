import type { PostStats } from "../post/post.ts";
import { compareCodePoints } from "./python-format.ts";

export const ENGAGEMENT_METRICS = ["plays", "likes", "shares", "comments"] as const;
export type EngagementMetric = (typeof ENGAGEMENT_METRICS)[number];

/** One observation of a post's counts (the store keeps one each time they changed). */
export interface StatsObservation {
  /** ISO 8601. */
  seenAt: string;
  stats: PostStats;
}

export interface EngagementPoint {
  seenAt: string;
  plays: number | null;
  likes: number | null;
  shares: number | null;
  comments: number | null;
}

const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${JSON.stringify(iso)}`);
  return ms;
};

const pointOf = ({ seenAt, stats }: StatsObservation): EngagementPoint => ({
  seenAt: new Date(instant(seenAt)).toISOString(),
  plays: stats.plays,
  likes: stats.likes,
  shares: stats.shares,
  comments: stats.comments,
});

const samePoint = (a: EngagementPoint, b: EngagementPoint) =>
  ENGAGEMENT_METRICS.every((metric) => a[metric] === b[metric]);

/**
 * A post's plays/likes/shares/comments over time, oldest first: one point per instant (the later observation of
 * an instant wins), and an observation that changed none of the four (only saves) folded into the one before.
 */
export const engagementHistory = (observations: Iterable<StatsObservation>): EngagementPoint[] => {
  const byInstant = new Map<number, EngagementPoint>();
  for (const observation of observations) byInstant.set(instant(observation.seenAt), pointOf(observation));
  const points: EngagementPoint[] = [];
  for (const [, point] of [...byInstant].sort(([a], [b]) => a - b)) {
    const previous = points.at(-1);
    if (!previous || !samePoint(previous, point)) points.push(point);
  }
  return points;
};

/** The counts as known at `at`: the latest observation at or before it whose `metric` is known. */
const valueAt = (
  observations: readonly StatsObservation[],
  at: number,
  metric: EngagementMetric,
): { seenAt: string; value: number } | null => {
  let best: { time: number; seenAt: string; value: number } | null = null;
  for (const { seenAt, stats } of observations) {
    const time = instant(seenAt);
    const value = stats[metric];
    if (time > at || value === null) continue;
    if (!best || time >= best.time) best = { time, seenAt: new Date(time).toISOString(), value };
  }
  return best && { seenAt: best.seenAt, value: best.value };
};

export interface PostGrowth {
  postId: string;
  metric: EngagementMetric;
  /** The counts as of the first collection, and as of the second. */
  before: { seenAt: string; value: number };
  after: { seenAt: string; value: number };
  growth: number;
  /** growth / before.value; null when before.value is 0. */
  relative: number | null;
  /** growth per day between the two observations; null when they are the same observation. */
  perDay: number | null;
}

export interface GrowthOptions {
  /** The two collections' times (ISO 8601): counts are taken as they were known at each. */
  from: string;
  to: string;
  metric?: EngagementMetric;
  limit?: number;
}

export const DEFAULT_GROWTH_LIMIT = 20;

/**
 * A hashtag's fastest-growing posts between two collections: for each post observed by the first, the change of
 * `metric` from its value known at `from` to its value known at `to`; largest growth first (ties by post id).
 */
export const fastestGrowing = (
  histories: Iterable<{ postId: string; observations: readonly StatsObservation[] }>,
  options: GrowthOptions,
): PostGrowth[] => {
  const metric = options.metric ?? "plays";
  const limit = options.limit ?? DEFAULT_GROWTH_LIMIT;
  const from = instant(options.from);
  const to = instant(options.to);
  if (from > to) throw new RangeError(`from (${options.from}) is after to (${options.to})`);
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  const rows: PostGrowth[] = [];
  for (const { postId, observations } of histories) {
    const before = valueAt(observations, from, metric);
    const after = valueAt(observations, to, metric);
    if (!before || !after) continue;
    const growth = after.value - before.value;
    const days = (instant(after.seenAt) - instant(before.seenAt)) / 86_400_000;
    rows.push({
      postId,
      metric,
      before,
      after,
      growth,
      relative: before.value === 0 ? null : growth / before.value,
      perDay: days === 0 ? null : growth / days,
    });
  }
  return rows.sort((a, b) => b.growth - a.growth || compareCodePoints(a.postId, b.postId)).slice(0, limit);
};

/** A collection as the runs table records it. */
export interface CollectionTimes {
  startedAt: string;
  finishedAt: string | null;
  error?: string | null;
}

/**
 * The two collections compared by default: the last two that finished without error, each taken at its
 * finishing time (every post it saw was observed by then). Null with fewer than two.
 */
export const lastTwoCollections = (runs: Iterable<CollectionTimes>): { from: string; to: string } | null => {
  const finished = [...runs]
    .filter((run): run is CollectionTimes & { finishedAt: string } => run.finishedAt !== null && !run.error)
    .map((run) => new Date(instant(run.finishedAt)).toISOString())
    .sort();
  const from = finished.at(-2);
  const to = finished.at(-1);
  return from && to ? { from, to } : null;
};
