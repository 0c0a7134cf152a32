/**
 * The database schema as a list of migrations; migration i takes PRAGMA user_version from i to i + 1.
 * Never edit a released migration: append a new one.
 */

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
];
