import type Database from "better-sqlite3";
import type { ParsedFollowInput } from "../../shared/api/follows.ts";

/** A followed hashtag as stored (schema migration 2). */
export interface StoredFollow {
  hashtag: string;
  every: string | null;
  posts: boolean;
  videos: boolean;
  limit: number;
  createdAt: string;
  lastQueuedAt: string | null;
}

interface FollowRow {
  hashtag: string;
  every: string | null;
  posts: number;
  videos: number;
  post_limit: number;
  created_at: string;
  last_queued_at: string | null;
}

const toFollow = (row: FollowRow): StoredFollow => ({
  hashtag: row.hashtag,
  every: row.every,
  posts: row.posts === 1,
  videos: row.videos === 1,
  limit: row.post_limit,
  createdAt: row.created_at,
  lastQueuedAt: row.last_queued_at,
});

/** The hashtags the companion collects on its own. Callers pass normalised hashtags. */
export const followsTable = (db: Database.Database) => ({
  list(): StoredFollow[] {
    return db.prepare<[], FollowRow>("SELECT * FROM follows ORDER BY hashtag").all().map(toFollow);
  },

  get(hashtag: string): StoredFollow | undefined {
    const row = db.prepare<[string], FollowRow>("SELECT * FROM follows WHERE hashtag = ?").get(hashtag);
    return row && toFollow(row);
  },

  /** Adds the hashtag, or replaces its schedule (keeping when it was first followed). */
  put(hashtag: string, input: ParsedFollowInput, now: string): StoredFollow {
    db.prepare(
      `INSERT INTO follows (hashtag, every, posts, videos, post_limit, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hashtag) DO UPDATE SET every = excluded.every, posts = excluded.posts,
         videos = excluded.videos, post_limit = excluded.post_limit`,
    ).run(hashtag, input.every, input.posts ? 1 : 0, input.videos ? 1 : 0, input.limit, now);
    return this.get(hashtag)!;
  },

  /** Whether it was followed. The posts collected for it stay. */
  remove(hashtag: string): boolean {
    return db.prepare("DELETE FROM follows WHERE hashtag = ?").run(hashtag).changes > 0;
  },

  markQueued(hashtag: string, now: string): void {
    db.prepare("UPDATE follows SET last_queued_at = ? WHERE hashtag = ?").run(now, hashtag);
  },
});

export type FollowsTable = ReturnType<typeof followsTable>;
