import type Database from "better-sqlite3";
import { requireHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post, PostStats } from "../../shared/post/post.ts";
import type { BulkWrites } from "./bulk-writes.ts";
import { mergePost } from "./merge-post.ts";
import { ownTags } from "./own-tags.ts";
import { postFacts } from "./post-facts.ts";
import { packSlimJson, slimJson, slimJsonOf } from "./post-row.ts";
import type { PackedPost, UpsertOptions, UpsertSummary } from "./post-store.ts";
import { packRaw, unpackText } from "./raw-codec.ts";
import { isoTime, sortTime } from "./time-bounds.ts";

interface PostRow {
  json: string | Uint8Array;
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

/** A Post packed here, as an import's thread packs it. */
const packPost = (post: Post): PackedPost => ({
  ...postFacts(post),
  raw: packRaw(JSON.stringify(post.raw ?? null)),
  json: packSlimJson(slimJson(post)),
});

/** The Post a packed one was packed from, without raw (which a merge takes from the blob). */
const unpackPost = (post: PackedPost): Post => ({
  ...(JSON.parse(unpackText(post.json)) as Post),
  raw: null,
});

const statsValues = (stats: PostStats) => STAT_KEYS.map((key) => stats[key]);

// A tag JSON would not carry to SQLite unchanged (a lone surrogate, NUL): such a post's rows are read back in SQL.
const LONE_SURROGATE = /\p{Cs}/u;
const plain = (tags: string[]): boolean =>
  tags.every((tag) => !tag.includes("\u0000") && !LONE_SURROGATE.test(tag));

/** Rows per multi-row posts INSERT: 6 parameters each, far under SQLite's limit of 32,766. */
const POSTS_PER_INSERT = 100;

/**
 * The upsert as one transaction (a savepoint when already inside one). A post's observation time is when its
 * source says it was collected, else `seenAt`, else now; the newest observation's values become the post's, and
 * a stats history row is written only when the counts differ from the ones last seen before that time.
 *
 * Insert first, set-based: the batch's posts go in with multi-row INSERTs that return the ids they added, then
 * the new posts' tags and stats, and at the end every link, one statement each for the whole batch (a few calls
 * into SQLite per batch instead of four per post). Only a post already stored, or seen twice in the batch, is
 * read back and merged, one at a time and in the batch's order, between the new posts' rows and the links. The
 * change feed's order follows these statements (the new posts, then the changed stored ones, then the new
 * links), the same with the triggers as in bulk. Inside a bulk transaction the triggers leave these rows alone
 * and `bulk` is told which posts the batch touched and which of them changed; a post the batch inserted (and
 * did not see again) gets its link's tag_codes and its counts from JavaScript, with nothing read back.
 */
export const createUpsert = (db: Database.Database, bulk: BulkWrites) => {
  const insertPostsStatements = new Map<number, Database.Statement>();
  const insertPosts = (rows: number): Database.Statement => {
    let statement = insertPostsStatements.get(rows);
    if (statement === undefined) {
      statement = db
        .prepare(
          `INSERT INTO posts (id, json, raw, create_time, first_seen, last_seen)
           VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?)").join(", ")}
           ON CONFLICT (id) DO NOTHING RETURNING id`,
        )
        .pluck();
      insertPostsStatements.set(rows, statement);
    }
    return statement;
  };
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
  // Ids travel as JSON strings and come out as TEXT: never through a double.
  // New posts' tags: [post id, tag] pairs.
  const insertNewTags = db.prepare(
    "INSERT OR IGNORE INTO post_tags (post_id, tag) SELECT value ->> 0, value ->> 1 FROM json_each(?)",
  );
  // New posts' stats: [post id, seen at, plays, likes, shares, comments, saves].
  const insertNewStats = db.prepare(
    `INSERT OR REPLACE INTO post_stats (post_id, seen_at, plays, likes, shares, comments, saves)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
     FROM json_each(?)`,
  );
  // Links: [post id, sort time, first linked, tag codes]; RETURNING names the ones that were not linked yet.
  const link = db
    .prepare(
      `INSERT OR IGNORE INTO post_hashtags (hashtag, post_id, sort_time, first_linked, run_id, tag_codes)
       SELECT ?, value ->> 0, value ->> 1, value ->> 2, ?, value ->> 3 FROM json_each(?) RETURNING post_id`,
    )
    .pluck();

  const hasStats = (stats: PostStats): boolean => STAT_KEYS.some((key) => stats[key] !== null);

  const writeTags = (postId: string, tags: string[]): void => {
    if (tags.length > 0) insertTags.run(postId, JSON.stringify(tags));
  };

  /** Merges a post into its stored row; returns its createTime as now stored, and whether its Post changed. */
  const update = (
    post: Post,
    packed: Buffer,
    observed: string,
  ): { createTime: number | null; changed: boolean } => {
    const row = selectPost.get(post.id)!;
    const storedJson = slimJsonOf(row.json);
    const stored = JSON.parse(storedJson) as Post;
    const isLatest = observed >= row.last_seen;
    const current = isLatest ? mergePost(stored, post) : mergePost(post, stored);
    const text = slimJson(current);
    // The stored bytes when the Post is unchanged, so post_updated (OLD.json IS NOT NEW.json) stays quiet.
    const json = text === storedJson ? row.json : packSlimJson(text);
    // The newest observation's raw wins, as its other values do.
    const raw = isLatest ? packed : row.raw;
    const firstSeen = observed < row.first_seen ? observed : row.first_seen;
    const lastSeen = isLatest ? observed : row.last_seen;
    const rawChanged = raw !== row.raw && (raw === null || row.raw === null || !raw.equals(row.raw));
    if (json !== row.json || rawChanged || firstSeen !== row.first_seen || lastSeen !== row.last_seen)
      updatePost.run(json, raw, current.createTime, firstSeen, lastSeen, post.id);
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

  /** Inserts the posts not stored yet; returns the ids inserted (a post twice in `posts` goes in once). */
  const insertNew = (posts: PackedPost[], observed: string[]): Set<string> => {
    const inserted = new Set<string>();
    for (let start = 0; start < posts.length; start += POSTS_PER_INSERT) {
      const end = Math.min(posts.length, start + POSTS_PER_INSERT);
      const params: unknown[] = [];
      for (let i = start; i < end; i++) {
        const post = posts[i]!;
        params.push(post.id, post.json, post.raw, post.createTime, observed[i], observed[i]);
      }
      for (const id of insertPosts(end - start).all(params) as string[]) inserted.add(id);
    }
    return inserted;
  };

  // hashtag null: the posts are stored (merged, stats history) but linked to no hashtag (passive capture off tag pages).
  // `postOf` gives a post's Post for a merge.
  const upsert = (
    hashtag: string | null,
    posts: PackedPost[],
    postOf: (i: number) => Post,
    options: UpsertOptions,
  ): Required<UpsertSummary> => {
    const tag = hashtag === null ? null : requireHashtag(hashtag);
    const defaultObserved = isoTime(options.seenAt) ?? new Date().toISOString();
    const summary = { new: 0, seen: 0, linked: 0 };
    const observed = posts.map((post) => post.observedAt ?? defaultObserved);
    const inserted = insertNew(posts, observed);

    // A post is new where it first appears, if the INSERT added it; anywhere else it is merged.
    const changed: string[] = [];
    const newTags: [string, string][] = [];
    const newStats: unknown[][] = [];
    // In bulk, the new posts whose link and counts are written from JavaScript: their own tags.
    const counted = new Map<string, string[]>();
    const storedBefore = new Set<string>();
    const merged: number[] = [];
    const firstAt = new Map<string, number>();
    posts.forEach((post, i) => {
      if (firstAt.has(post.id)) merged.push(i);
      else {
        firstAt.set(post.id, i);
        if (!inserted.has(post.id)) {
          storedBefore.add(post.id);
          merged.push(i);
          return;
        }
        summary.new++;
        changed.push(post.id);
        const own = post.tags;
        for (const t of own) newTags.push([post.id, t]);
        if (bulk.active && plain(own) && (tag === null || Number.isSafeInteger(sortTime(post.createTime))))
          counted.set(post.id, own);
        if (hasStats(post.stats)) newStats.push([post.id, observed[i], ...statsValues(post.stats)]);
      }
    });
    if (newTags.length > 0) insertNewTags.run(JSON.stringify(newTags));
    if (newStats.length > 0) insertNewStats.run(JSON.stringify(newStats));
    // A post seen again in the batch may change before its link is written: it is read back in SQL.
    for (const i of merged) counted.delete(posts[i]!.id);
    if (counted.size > 0) bulk.numberTags(newTags.filter(([id]) => counted.has(id)).map(([, t]) => t));

    // In bulk: the stored posts' counts are taken out before the batch writes to them; new ones had none.
    if (bulk.active && storedBefore.size > 0) bulk.before(JSON.stringify([...storedBefore]));
    const createTimes = new Map<string, number | null>();
    for (const i of merged) {
      const post = posts[i]!;
      summary.seen++;
      const updated = update(postOf(i), post.raw, observed[i]!);
      createTimes.set(post.id, updated.createTime);
      if (updated.changed) changed.push(post.id);
    }

    if (tag !== null) {
      // The link's sort time is the post's createTime after the whole batch, as the merges left it.
      const links = [...firstAt].map(([id, i]) => {
        const own = counted.get(id);
        return [
          id,
          sortTime(createTimes.has(id) ? createTimes.get(id)! : posts[i]!.createTime),
          observed[i],
          own === undefined ? null : bulk.tagCodes(own),
        ];
      });
      const linked = new Set(link.all(tag, options.runId ?? null, JSON.stringify(links)) as string[]);
      summary.linked = linked.size;
      for (const [id] of firstAt) if (linked.has(id)) changed.push(id);
      for (const [id, own] of counted)
        if (linked.has(id)) bulk.addNew(tag, sortTime(posts[firstAt.get(id)!]!.createTime), own);
        // Never so for a post the batch inserted; if it were, SQL counts what its link is.
        else counted.delete(id);
    }
    if (bulk.active)
      bulk.after(JSON.stringify([...firstAt.keys()].filter((id) => !counted.has(id))), changed);
    return summary;
  };

  const upsertPosts = db.transaction(
    (hashtag: string | null, posts: Post[], options: UpsertOptions = {}): Required<UpsertSummary> =>
      upsert(hashtag, posts.map(packPost), (i) => posts[i]!, options),
  );
  const upsertPacked = db.transaction(
    (hashtag: string, posts: PackedPost[], options: UpsertOptions = {}): Required<UpsertSummary> =>
      upsert(hashtag, posts, (i) => unpackPost(posts[i]!), options),
  );
  return Object.assign(upsertPosts, { packed: upsertPacked });
};
