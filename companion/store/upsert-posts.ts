import type Database from "better-sqlite3";
import { normaliseHashtag, requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post, PostStats } from "../../shared/post/post.ts";
import { mergePost } from "./merge-post.ts";
import type { UpsertSummary } from "./post-store.ts";
import { isoTime, sortTime } from "./time-bounds.ts";

interface PostRow {
  json: string;
  first_seen: string;
  last_seen: string;
}

type StatsRow = Record<keyof PostStats, number | null>;

const STAT_KEYS = ["plays", "likes", "shares", "comments", "saves"] as const;

const sameStats = (row: StatsRow, stats: PostStats): boolean =>
  STAT_KEYS.every((key) => row[key] === stats[key]);

const sameList = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

const ownTags = (post: Post): string[] =>
  [...new Set(post.hashtags.map(normaliseHashtag))].filter((tag) => tag !== "");

/**
 * The upsert as one transaction (a savepoint when already inside one). A post's observation time is when its
 * source says it was collected, else `seenAt`, else now; the newest observation's values become the post's, and
 * a stats history row is written only when the counts differ from the ones last seen before that time.
 */
export const createUpsert = (db: Database.Database) => {
  const selectPost = db.prepare<[string], PostRow>(
    "SELECT json, first_seen, last_seen FROM posts WHERE id = ?",
  );
  const insertPost = db.prepare(
    "INSERT INTO posts (id, json, create_time, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
  );
  const updatePost = db.prepare(
    "UPDATE posts SET json = ?, create_time = ?, first_seen = ?, last_seen = ? WHERE id = ?",
  );
  const updateSortTime = db.prepare("UPDATE post_hashtags SET sort_time = ? WHERE post_id = ?");
  const deleteTags = db.prepare("DELETE FROM post_tags WHERE post_id = ?");
  const insertTag = db.prepare("INSERT OR IGNORE INTO post_tags (post_id, tag) VALUES (?, ?)");
  const statsBefore = db.prepare<[string, string], StatsRow>(
    `SELECT plays, likes, shares, comments, saves FROM post_stats
     WHERE post_id = ? AND seen_at <= ? ORDER BY seen_at DESC LIMIT 1`,
  );
  const insertStats = db.prepare(
    `INSERT OR REPLACE INTO post_stats (post_id, seen_at, plays, likes, shares, comments, saves)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare(
    `INSERT OR IGNORE INTO post_hashtags (hashtag, post_id, sort_time, first_linked, run_id)
     VALUES (?, ?, ?, ?, ?)`,
  );

  const recordStats = (postId: string, observed: string, stats: PostStats): void => {
    if (STAT_KEYS.every((key) => stats[key] === null)) return;
    const previous = statsBefore.get(postId, observed);
    if (previous && sameStats(previous, stats)) return;
    insertStats.run(postId, observed, ...STAT_KEYS.map((key) => stats[key]));
  };

  /** Stores one post; returns whether it was new and the post as now stored. */
  const store = (post: Post, observed: string): { isNew: boolean; current: Post } => {
    const row = selectPost.get(post.id);
    if (!row) {
      insertPost.run(post.id, JSON.stringify(post), post.createTime, observed, observed);
      for (const tag of ownTags(post)) insertTag.run(post.id, tag);
      return { isNew: true, current: post };
    }
    const stored = JSON.parse(row.json) as Post;
    const isLatest = observed >= row.last_seen;
    const current = isLatest ? mergePost(stored, post) : mergePost(post, stored);
    const json = JSON.stringify(current);
    const firstSeen = observed < row.first_seen ? observed : row.first_seen;
    const lastSeen = isLatest ? observed : row.last_seen;
    if (json !== row.json || firstSeen !== row.first_seen || lastSeen !== row.last_seen)
      updatePost.run(json, current.createTime, firstSeen, lastSeen, post.id);
    if (current.createTime !== stored.createTime) updateSortTime.run(sortTime(current.createTime), post.id);
    if (!sameList(ownTags(current), ownTags(stored))) {
      deleteTags.run(post.id);
      for (const tag of ownTags(current)) insertTag.run(post.id, tag);
    }
    return { isNew: false, current };
  };

  return db.transaction(
    (
      hashtag: string,
      posts: Post[],
      options: { runId?: number; seenAt?: string } = {},
    ): Required<UpsertSummary> => {
      const tag = requireHashtag(hashtag);
      const defaultObserved = isoTime(options.seenAt) ?? new Date().toISOString();
      const summary = { new: 0, seen: 0, linked: 0 };
      for (const post of posts) {
        const observed = isoTime(post.source.collectedAt) ?? defaultObserved;
        const { isNew, current } = store(post, observed);
        if (isNew) summary.new++;
        else summary.seen++;
        recordStats(post.id, observed, post.stats);
        summary.linked += link.run(
          tag,
          post.id,
          sortTime(current.createTime),
          observed,
          options.runId ?? null,
        ).changes;
      }
      return summary;
    },
  );
};
