import type Database from "better-sqlite3";
import { normaliseHashtag, requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post, PostStats } from "../../shared/post/post.ts";
import type { BulkWrites } from "./bulk-writes.ts";
import { mergePost } from "./merge-post.ts";
import { slimJson } from "./post-row.ts";
import type { UpsertOptions, UpsertSummary } from "./post-store.ts";
import { packRaw } from "./raw-codec.ts";
import { isoTime, sortTime } from "./time-bounds.ts";

interface PostRow {
  json: string;
  raw: Buffer | null;
  first_seen: string;
  last_seen: string;
}

type StatsRow = Record<keyof PostStats, number | null>;

const STAT_KEYS = ["plays", "likes", "shares", "comments", "saves"] as const;

const sameStats = (row: StatsRow, stats: PostStats): boolean =>
  STAT_KEYS.every((key) => row[key] === stats[key]);

const sameList = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

const ownTags = (post: Pick<Post, "hashtags">): string[] =>
  [...new Set(post.hashtags.map(normaliseHashtag))].filter((tag) => tag !== "");

const statsValues = (stats: PostStats) => STAT_KEYS.map((key) => stats[key]);

/**
 * The upsert as one transaction (a savepoint when already inside one). A post's observation time is when its
 * source says it was collected, else `seenAt`, else now; the newest observation's values become the post's, and
 * a stats history row is written only when the counts differ from the ones last seen before that time.
 *
 * Insert first: a new post (the common case in an import) costs four statements (the post, its tags in one,
 * its stats, its link); only a post already stored is read back and merged. Inside a bulk transaction the
 * triggers leave these rows alone and `bulk` is told which posts the batch touched and which of them changed.
 */
export const createUpsert = (db: Database.Database, bulk: BulkWrites) => {
  const insertPost = db.prepare(
    `INSERT INTO posts (id, json, raw, create_time, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const selectPost = db.prepare<[string], PostRow>(
    "SELECT json, raw, first_seen, last_seen FROM posts WHERE id = ?",
  );
  const updatePost = db.prepare(
    "UPDATE posts SET json = ?, raw = ?, create_time = ?, first_seen = ?, last_seen = ? WHERE id = ?",
  );
  const updateSortTime = db.prepare("UPDATE post_hashtags SET sort_time = ? WHERE post_id = ?");
  const deleteTags = db.prepare("DELETE FROM post_tags WHERE post_id = ?");
  const insertTags = db.prepare(
    "INSERT OR IGNORE INTO post_tags (post_id, tag) SELECT ?, value FROM json_each(?)",
  );
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

  // New posts' tags in one statement per batch: [post id, tag] pairs.
  const insertNewTags = db.prepare(
    "INSERT OR IGNORE INTO post_tags (post_id, tag) SELECT value ->> 0, value ->> 1 FROM json_each(?)",
  );

  const hasStats = (stats: PostStats): boolean => STAT_KEYS.some((key) => stats[key] !== null);

  const writeTags = (postId: string, tags: string[]): void => {
    if (tags.length > 0) insertTags.run(postId, JSON.stringify(tags));
  };

  /** Merges a post into its stored row; returns its createTime as now stored, and whether its Post changed. */
  const update = (
    post: Post,
    raw: () => Buffer,
    observed: string,
  ): { createTime: number | null; changed: boolean } => {
    const row = selectPost.get(post.id)!;
    const stored = JSON.parse(row.json) as Post;
    const isLatest = observed >= row.last_seen;
    const current = isLatest ? mergePost(stored, post) : mergePost(post, stored);
    const json = slimJson(current);
    // The newest observation's raw wins, as its other values do.
    const packed = isLatest ? raw() : row.raw;
    const firstSeen = observed < row.first_seen ? observed : row.first_seen;
    const lastSeen = isLatest ? observed : row.last_seen;
    const rawChanged = packed !== row.raw && (packed === null || row.raw === null || !packed.equals(row.raw));
    if (json !== row.json || rawChanged || firstSeen !== row.first_seen || lastSeen !== row.last_seen)
      updatePost.run(json, packed, current.createTime, firstSeen, lastSeen, post.id);
    if (current.createTime !== stored.createTime) updateSortTime.run(sortTime(current.createTime), post.id);
    const tags = ownTags(current);
    if (!sameList(tags, ownTags(stored))) {
      deleteTags.run(post.id);
      writeTags(post.id, tags);
    }
    if (hasStats(post.stats)) {
      const previous = statsBefore.get(post.id, observed);
      if (!previous || !sameStats(previous, post.stats))
        insertStats.run(post.id, observed, ...statsValues(post.stats));
    }
    return { createTime: current.createTime, changed: json !== row.json };
  };

  return db.transaction(
    // hashtag null: the posts are stored (merged, stats history) but linked to no hashtag (passive capture off tag pages).
    (hashtag: string | null, posts: Post[], options: UpsertOptions = {}): Required<UpsertSummary> => {
      const tag = hashtag === null ? null : requireHashtag(hashtag);
      const defaultObserved = isoTime(options.seenAt) ?? new Date().toISOString();
      const summary = { new: 0, seen: 0, linked: 0 };
      const changed: string[] = [];
      // In bulk: a stored post's counts are taken out just before this batch first touches it; a new one had none.
      const touched = new Set<string>();
      let newTags: [string, string][] = [];
      // Before a stored post is merged (it compares and rewrites its tags) and before the batch ends.
      const flushNewTags = () => {
        if (newTags.length > 0) insertNewTags.run(JSON.stringify(newTags));
        newTags = [];
      };
      for (const post of posts) {
        const observed = isoTime(post.source.collectedAt) ?? defaultObserved;
        let packed: Buffer | undefined;
        const raw = () => {
          packed ??= packRaw(options.rawTexts?.get(post) ?? JSON.stringify(post.raw ?? null));
          return packed;
        };
        let createTime = post.createTime;
        if (insertPost.run(post.id, slimJson(post), raw(), createTime, observed, observed).changes === 1) {
          summary.new++;
          changed.push(post.id);
          for (const own of ownTags(post)) newTags.push([post.id, own]);
          if (hasStats(post.stats)) insertStats.run(post.id, observed, ...statsValues(post.stats));
        } else {
          summary.seen++;
          flushNewTags();
          if (bulk.active && !touched.has(post.id)) bulk.before(JSON.stringify([post.id]));
          const updated = update(post, raw, observed);
          createTime = updated.createTime;
          if (updated.changed) changed.push(post.id);
        }
        touched.add(post.id);
        if (tag !== null) {
          const linked = link.run(
            tag,
            post.id,
            sortTime(createTime),
            observed,
            options.runId ?? null,
          ).changes;
          summary.linked += linked;
          if (linked === 1) changed.push(post.id);
        }
      }
      flushNewTags();
      if (bulk.active) bulk.after(JSON.stringify(posts.map((post) => post.id)), changed);
      return summary;
    },
  );
};
