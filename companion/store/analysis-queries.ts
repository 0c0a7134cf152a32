import type Database from "better-sqlite3";
import type { NetworkEdge } from "../../shared/analysis/co-hashtag-network.ts";
import type { StatsObservation } from "../../shared/analysis/engagement.ts";
import { type DayPosts, type DayTagPosts, dayOf as isoDay } from "../../shared/analysis/hashtag-trends.ts";
import type { PostStats } from "../../shared/post/post.ts";
import { coverWithDays, DAY_SECONDS, dayOf } from "./day-cover.ts";
import { NODE_SETS_SQL, type NodeSetParams } from "./post-node-sets.ts";
import type { TimeRange } from "./post-store.ts";
import { UNDATED } from "./schema.ts";
import { countNodePairs } from "./tag-code.ts";
import { isoTime, timeBounds } from "./time-bounds.ts";

const UNDATED_DAY = dayOf(UNDATED);

/**
 * The day numbers to read from the aggregate and the second ranges to count from the posts, undated excluded;
 * an open end starts at the hashtag's first day (`firstDay`), so every second range is a real date.
 */
const datedCover = (range: TimeRange, firstDay: number) => {
  const { low, high } = timeBounds(range);
  return coverWithDays({ low: Math.max(low, firstDay * DAY_SECONDS), high: Math.min(high, UNDATED - 1) });
};

/** A second range cut at UTC midnights (a range within two partial days has no whole day to cut it). */
const splitByDay = ({ low, high }: { low: number; high: number }) => {
  const pieces: { low: number; high: number }[] = [];
  for (let start = low; start <= high; start = (dayOf(start) + 1) * DAY_SECONDS)
    pieces.push({ low: start, high: Math.min(high, (dayOf(start) + 1) * DAY_SECONDS - 1) });
  return pieces;
};

type StatsRow = PostStats & { post_id: string; seen_at: string };

/**
 * The SQL behind the analyses of shared/analysis (network, trends, engagement): each returns what the pure
 * function takes, reading the per-day aggregate (co-occurrence-schema.ts) where it can.
 */
export const analysisQueries = (db: Database.Database) => {
  const nodeSets = db.prepare<[NodeSetParams], string>(NODE_SETS_SQL).pluck();
  const tagNumbers = db
    .prepare<[string], [tag: string, id: number]>(
      "SELECT tag, id FROM tag_ids WHERE tag IN (SELECT value FROM json_each(?))",
    )
    .raw();
  const wholeDays = db.prepare<[string, number, number], { day: number; posts: number }>(
    "SELECT day, posts FROM hashtag_days WHERE hashtag = ? AND day BETWEEN ? AND ?",
  );
  const wholeTagDays = db.prepare<
    [string, number, number, string],
    { day: number; tag: string; posts: number }
  >(
    `SELECT day, tag, n AS posts FROM tag_days
     WHERE hashtag = ? AND day BETWEEN ? AND ? AND tag IN (SELECT value FROM json_each(?))`,
  );
  const edgeDay = db.prepare<[string, number, number], { posts: number }>(
    "SELECT COUNT(*) AS posts FROM post_hashtags WHERE hashtag = ? AND sort_time BETWEEN ? AND ?",
  );
  const edgeTagDay = db.prepare<[string, number, number, string], { tag: string; posts: number }>(
    `SELECT t.tag, COUNT(*) AS posts FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id
     WHERE h.hashtag = ? AND h.sort_time BETWEEN ? AND ? AND t.tag IN (SELECT value FROM json_each(?))
     GROUP BY t.tag`,
  );
  const undated = db.prepare<[string, number], { posts: number }>(
    "SELECT COUNT(*) AS posts FROM post_hashtags WHERE hashtag = ? AND sort_time = ?",
  );
  const history = db.prepare<[string, string], StatsRow>(
    `SELECT s.post_id, s.seen_at, s.plays, s.likes, s.shares, s.comments, s.saves
     FROM post_hashtags h JOIN post_stats s ON s.post_id = h.post_id
     WHERE h.hashtag = ? AND s.seen_at <= ? ORDER BY s.post_id, s.seen_at`,
  );

  const firstDay = db.prepare<[string], { day: number | null }>(
    "SELECT MIN(day) AS day FROM hashtag_days WHERE hashtag = ?",
  );
  const link = db.prepare<[string, string], { one: number }>(
    "SELECT 1 AS one FROM post_hashtags WHERE hashtag = ? AND post_id = ?",
  );

  return {
    /** Whether the post was collected for the hashtag. */
    isLinked(hashtag: string, postId: string): boolean {
      return link.get(hashtag, postId) !== undefined;
    },

    /** Posts carrying both tags of each pair of `nodes`, among the hashtag's posts in `range`. */
    networkPairs(hashtag: string, nodes: string[], range?: TimeRange): NetworkEdge[] {
      if (nodes.length < 2) return [];
      const { low, high } = timeBounds(range);
      const list = JSON.stringify(nodes);
      const text = nodeSets.get({ hashtag, nodes: list, low, high }) ?? "";
      // Numbers are never changed once given, so reading them apart from the posts is safe.
      return countNodePairs(text, nodes, new Map(tagNumbers.all(list)));
    },

    /**
     * The hashtag's dated posts per UTC day and, for `tags`, the posts per day carrying each: whole days from the
     * aggregate, the partial days at the range's edges from the posts. `undated` counts only without a range.
     */
    trendDays(
      hashtag: string,
      tags: string[],
      range: TimeRange = {},
    ): { days: DayPosts[]; tagDays: DayTagPosts[]; undated: number } {
      const first = firstDay.get(hashtag)?.day;
      if (first === undefined || first === null) return { days: [], tagDays: [], undated: 0 };
      const cover = datedCover(range, first);
      const list = JSON.stringify(tags);
      const days: DayPosts[] = [];
      const tagDays: DayTagPosts[] = [];
      if (cover.days) {
        const to = Math.min(cover.days.to, UNDATED_DAY - 1);
        for (const row of wholeDays.all(hashtag, cover.days.from, to))
          days.push({ day: isoDay(row.day * DAY_SECONDS), posts: row.posts });
        for (const row of wholeTagDays.all(hashtag, cover.days.from, to, list))
          tagDays.push({ day: isoDay(row.day * DAY_SECONDS), tag: row.tag, posts: row.posts });
      }
      for (const { low, high } of cover.edges.flatMap(splitByDay)) {
        const day = isoDay(low);
        days.push({ day, posts: edgeDay.get(hashtag, low, high)?.posts ?? 0 });
        for (const row of edgeTagDay.all(hashtag, low, high, list)) tagDays.push({ day, ...row });
      }
      const limited = range.since !== undefined || range.until !== undefined;
      return { days, tagDays, undated: limited ? 0 : (undated.get(hashtag, UNDATED)?.posts ?? 0) };
    },

    /** Each of the hashtag's posts with its stats observations up to `until` (ISO 8601), one post at a time. */
    *statsHistories(
      hashtag: string,
      until: string,
    ): IterableIterator<{ postId: string; observations: StatsObservation[] }> {
      let current = null as { postId: string; observations: StatsObservation[] } | null;
      for (const { post_id, seen_at, ...stats } of history.iterate(hashtag, isoTime(until) ?? until)) {
        if (current?.postId !== post_id) {
          if (current) yield current;
          current = { postId: post_id, observations: [] };
        }
        current.observations.push({ seenAt: seen_at, stats });
      }
      if (current) yield current;
    },
  };
};

export type AnalysisQueries = ReturnType<typeof analysisQueries>;
