import { BULK_GUARD, POST_LINKED_TRIGGER } from "./bulk-writes-schema.ts";
import { aggregateLinkTriggers } from "./co-occurrence-schema.ts";
import { TAG_CODES_LINK_TRIGGERS } from "./tag-codes-schema.ts";

/**
 * The link table (post_hashtags) keyed by (hashtag, sort_time, post_id) instead of (hashtag, post_id), so a
 * hashtag's links in time order are read straight off the table, every column included (the range counts, the edge
 * days, the network's tag_codes, paging), and a link costs two b-trees instead of three: the table and a UNIQUE
 * (post_id, hashtag) index, which keeps one link per hashtag and post and serves every read by post (the triggers,
 * the change feed, a batch's links, the cascade from posts). Its time index is gone: the table is it now.
 *
 * The usual SQLite table rebuild, in the migration's transaction: a new table filled in key order, the old one
 * dropped (its indexes and the triggers on it with it), the new one renamed, then the index and those triggers made
 * again as a new store has them. legacy_alter_table lets the rename through while post_tags' triggers name
 * post_hashtags, which for that moment does not exist; it leaves their text as it is, naming the new table.
 * Foreign keys stay on: each link is checked against posts and runs as it is copied.
 */
export const POST_HASHTAGS_KEYS_MIGRATION = `
  CREATE TABLE post_hashtags_rekeyed (
    hashtag TEXT NOT NULL,
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    sort_time INTEGER NOT NULL,
    first_linked TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    tag_codes TEXT,
    PRIMARY KEY (hashtag, sort_time, post_id)
  ) WITHOUT ROWID;
  INSERT INTO post_hashtags_rekeyed (hashtag, post_id, sort_time, first_linked, run_id, tag_codes)
    SELECT hashtag, post_id, sort_time, first_linked, run_id, tag_codes FROM post_hashtags
    ORDER BY hashtag, sort_time, post_id;
  DROP TABLE post_hashtags;
  PRAGMA legacy_alter_table = ON;
  ALTER TABLE post_hashtags_rekeyed RENAME TO post_hashtags;
  PRAGMA legacy_alter_table = OFF;
  CREATE UNIQUE INDEX post_hashtags_by_post ON post_hashtags (post_id, hashtag);
  ${aggregateLinkTriggers(BULK_GUARD)}
  ${POST_LINKED_TRIGGER}
  ${TAG_CODES_LINK_TRIGGERS}
`;
