import type Database from "better-sqlite3";
import type { CaptureContext } from "../../shared/api/contract.ts";
import type { Post } from "../../shared/post/post.ts";
import { postFromRow, type StoredPostRow } from "./post-row.ts";

/**
 * Where posts captured outside tag pages were seen: a profile, a search, the For You feed. Kept apart from
 * post_hashtags so they never count as a hashtag's posts (frequencies, the per-day aggregate).
 */
export const POST_CONTEXTS_MIGRATION = `
  CREATE TABLE post_contexts (
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('profile', 'search', 'feed')),
    value TEXT NOT NULL,           -- the username (lower-case), the search term, '' for the feed
    first_seen TEXT NOT NULL,      -- ISO 8601
    last_seen TEXT NOT NULL,
    PRIMARY KEY (kind, value, post_id)
  ) WITHOUT ROWID;
  CREATE INDEX post_contexts_by_post ON post_contexts (post_id);
`;

/** A capture context with how many posts were captured there and when. */
export type ContextSummary = CaptureContext & {
  posts: number;
  firstSeen: string;
  lastSeen: string;
};

const PAGE_SIZE = 500;

export const postContextsTable = (db: Database.Database) => {
  const record = db.prepare(
    `INSERT INTO post_contexts (post_id, kind, value, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, value, post_id) DO UPDATE SET
       first_seen = MIN(first_seen, excluded.first_seen), last_seen = MAX(last_seen, excluded.last_seen)`,
  );
  return {
    /** Records that these (already stored) posts were captured in `context` at `seenAt`. */
    record(context: CaptureContext, postIds: string[], seenAt: string): void {
      for (const id of postIds) record.run(id, context.kind, context.value, seenAt, seenAt);
    },

    contexts(): ContextSummary[] {
      return db
        .prepare<[], ContextSummary>(
          `SELECT kind, value, COUNT(*) AS posts, MIN(first_seen) AS firstSeen, MAX(last_seen) AS lastSeen
           FROM post_contexts GROUP BY kind, value ORDER BY kind, value`,
        )
        .all();
    },

    /** The contexts one post was captured in. */
    contextsOf(postId: string): CaptureContext[] {
      return db
        .prepare<[string], CaptureContext>(
          "SELECT kind, value FROM post_contexts WHERE post_id = ? ORDER BY kind, value",
        )
        .all(postId);
    },

    /** The posts captured in a context, by id, paged so callers may query the store meanwhile. */
    *postsIn(context: CaptureContext): IterableIterator<Post> {
      const page = db.prepare<[string, string, string, number], StoredPostRow & { id: string }>(
        `SELECT p.id, p.json, p.raw FROM post_contexts c JOIN posts p ON p.id = c.post_id
         WHERE c.kind = ? AND c.value = ? AND c.post_id > ? ORDER BY c.post_id LIMIT ?`,
      );
      let after = "";
      for (;;) {
        const rows = page.all(context.kind, context.value, after, PAGE_SIZE);
        for (const row of rows) yield postFromRow(row);
        const last = rows.at(-1);
        if (!last || rows.length < PAGE_SIZE) return;
        after = last.id;
      }
    },
  };
};
