/**
 * The database schema as a list of migrations; migration i takes PRAGMA user_version from i to i + 1.
 * Never edit a released migration: append a new one.
 */

import { BULK_WRITES_MIGRATION } from "./bulk-writes-schema.ts";
import { CO_OCCURRENCE_MIGRATION } from "./co-occurrence-schema.ts";
import { NUMBERED_ROLLUP_BULK_MIGRATION, NUMBERED_ROLLUP_MIGRATION } from "./numbered-rollup-schema.ts";
import { PACKED_JSON_MIGRATION } from "./packed-json-migration.ts";
import { POST_CONTEXTS_MIGRATION } from "./post-contexts.ts";
import { POST_HASHTAGS_KEYS_MIGRATION } from "./post-hashtags-keys.ts";
import { RAW_COLUMN_MIGRATION } from "./raw-column-migration.ts";
import { SPAN_ROLLUP_MIGRATION } from "./span-rollup-schema.ts";
import { TAG_CODES_MIGRATION } from "./tag-codes-schema.ts";

/** sort_time of a post whose creation time is unknown, so it sorts after every dated post. */
export const UNDATED = 253_402_300_799; // 9999-12-31T23:59:59Z

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE posts (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,            -- the Post, raw included
    create_time INTEGER,
    first_seen TEXT NOT NULL,      -- ISO 8601, earliest observation
    last_seen TEXT NOT NULL        -- ISO 8601, latest observation (its stats are the post's current ones)
  );

  CREATE TABLE post_stats (
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL,
    plays INTEGER, likes INTEGER, shares INTEGER, comments INTEGER, saves INTEGER,
    PRIMARY KEY (post_id, seen_at)
  ) WITHOUT ROWID;

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hashtag TEXT NOT NULL,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    posts_new INTEGER NOT NULL DEFAULT 0,
    posts_seen INTEGER NOT NULL DEFAULT 0,
    error TEXT
  );
  CREATE INDEX runs_by_hashtag ON runs (hashtag, started_at);

  -- The hashtags a post was collected for. sort_time copies the post's create_time (UNDATED when unknown) so a
  -- hashtag's posts page in time order straight off an index.
  CREATE TABLE post_hashtags (
    hashtag TEXT NOT NULL,
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    sort_time INTEGER NOT NULL,
    first_linked TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    PRIMARY KEY (hashtag, post_id)
  ) WITHOUT ROWID;
  CREATE INDEX post_hashtags_by_time ON post_hashtags (hashtag, sort_time, post_id);
  CREATE INDEX post_hashtags_by_post ON post_hashtags (post_id);

  -- The post's own hashtags, for co-occurrence counts in SQL.
  CREATE TABLE post_tags (
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX post_tags_by_tag ON post_tags (tag);

  CREATE TABLE videos (
    post_id TEXT PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    hashtag TEXT NOT NULL,
    path TEXT NOT NULL,            -- relative to the data folder
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    downloaded_at TEXT NOT NULL
  );
  CREATE INDEX videos_by_hashtag ON videos (hashtag);
  `,
  // 2: the sync feed, jobs and followed hashtags (companion/jobs, the extension's API).
  `
  -- One row per changed post or run; a new change moves it to the end with the next seq. Triggers write it, so
  -- every writer (collectors, imports, links, media, the CLI in another process) bumps it in its own
  -- transaction, and a reader never sees seq N+1 committed before N. DELETE + INSERT rather than INSERT OR
  -- REPLACE: a trigger's conflict clause gives way to the outer statement's (INSERT OR IGNORE would keep the old seq).
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,            -- 'post' or 'run'
    key TEXT NOT NULL,             -- the post id, or the run id as text
    UNIQUE (kind, key)
  );
  CREATE TRIGGER post_inserted AFTER INSERT ON posts BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.id);
  END;
  -- Only when what a client sees changed: a post seen again unchanged moves only its last_seen.
  CREATE TRIGGER post_updated AFTER UPDATE ON posts WHEN OLD.json IS NOT NEW.json BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.id);
  END;
  CREATE TRIGGER post_linked AFTER INSERT ON post_hashtags BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.post_id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.post_id);
  END;
  CREATE TRIGGER video_inserted AFTER INSERT ON videos BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.post_id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.post_id);
  END;
  CREATE TRIGGER video_updated AFTER UPDATE ON videos BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.post_id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.post_id);
  END;
  CREATE TRIGGER run_inserted AFTER INSERT ON runs BEGIN
    DELETE FROM changes WHERE kind = 'run' AND key = CAST(NEW.id AS TEXT);
    INSERT INTO changes (kind, key) VALUES ('run', CAST(NEW.id AS TEXT));
  END;
  CREATE TRIGGER run_updated AFTER UPDATE ON runs BEGIN
    DELETE FROM changes WHERE kind = 'run' AND key = CAST(NEW.id AS TEXT);
    INSERT INTO changes (kind, key) VALUES ('run', CAST(NEW.id AS TEXT));
  END;
  INSERT INTO changes (kind, key) SELECT 'post', id FROM posts ORDER BY rowid;
  INSERT INTO changes (kind, key) SELECT 'run', CAST(id AS TEXT) FROM runs ORDER BY id;

  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request TEXT NOT NULL,         -- JSON: hashtags, posts, videos, limit, since, source
    origin TEXT NOT NULL,          -- 'api' or 'follow'
    state TEXT NOT NULL,           -- queued, running, done, failed, cancelled, interrupted
    progress TEXT NOT NULL,        -- JSON: one entry per hashtag
    error TEXT,                    -- JSON: {kind, message, retryAt}
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT
  );
  CREATE INDEX jobs_by_state ON jobs (state, id);

  -- What SSE clients missed while away (Last-Event-ID); only the latest few thousand are kept.
  CREATE TABLE job_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT,
    job TEXT NOT NULL              -- JSON: the job after the event
  );
  CREATE INDEX job_events_by_job ON job_events (job_id, seq);

  CREATE TABLE follows (
    hashtag TEXT PRIMARY KEY,
    every TEXT,                    -- ms-style ('6h'); NULL: followed without a schedule
    posts INTEGER NOT NULL,
    videos INTEGER NOT NULL,
    post_limit INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    last_queued_at TEXT            -- when the schedule last queued it
  );
  `,
  // The per-day co-occurrence aggregate behind frequencies, kept by triggers (co-occurrence-schema.ts).
  CO_OCCURRENCE_MIGRATION,
  // Each post's raw packed in its own column, not inside the json (raw-column-migration.ts).
  RAW_COLUMN_MIGRATION,
  // Where posts captured outside tag pages were seen: profile, search, feed (post-contexts.ts).
  POST_CONTEXTS_MIGRATION,
  // The per-day aggregate rolled up into spans of days, kept by triggers on it (span-rollup-schema.ts).
  SPAN_ROLLUP_MIGRATION,
  // The switch that lets an import keep the aggregate and the sync feed set-based (bulk-writes-schema.ts).
  BULK_WRITES_MIGRATION,
  // Each link's copy of its post's own tags as tag numbers, for the co-hashtag network (tag-codes-schema.ts).
  TAG_CODES_MIGRATION,
  // The json column packed with zstd, and raw repacked from deflate to zstd (packed-json-migration.ts).
  PACKED_JSON_MIGRATION,
  // The rollup's tag counts keyed by tag number instead of text, per day too, and all time (numbered-rollup-schema.ts).
  NUMBERED_ROLLUP_MIGRATION,
  // The numbered rollup's triggers skipped by a bulk import, which adds its counts set-based (numbered-rollup-schema.ts).
  NUMBERED_ROLLUP_BULK_MIGRATION,
  // The link table keyed by (hashtag, sort_time, post_id), its time index dropped (post-hashtags-keys.ts).
  POST_HASHTAGS_KEYS_MIGRATION,
];
