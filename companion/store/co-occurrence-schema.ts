/**
 * The co-occurrence aggregate: per collected hashtag, how many of its posts fall on each UTC day and how many of
 * them carry each hashtag, plus the all-time sums. Triggers on the link table (post_hashtags) and the own-tag
 * table (post_tags) keep it exact in the transaction of every write, whatever code does the write: a new link, a
 * post whose tags change on re-collection, a create time that moves a post to another day, a cascade delete.
 *
 *   hashtag_days (hashtag, day, posts)   posts linked to `hashtag` created on `day`
 *   tag_days     (hashtag, day, tag, n)  of those, the posts carrying `tag` (the hashtag itself included)
 *   tag_totals   (hashtag, tag, n)       tag_days summed over every day
 *
 * `day` is floor(sort_time / 86400): UTC days since 1970-01-01; undated posts (sort_time UNDATED) fall on day
 * 2932896 (9999-12-31). Rows whose count drops to 0 are deleted.
 *
 * For writers: INSERT OR REPLACE into post_hashtags or post_tags deletes without firing the delete triggers unless
 * recursive_triggers is on (openSqliteStore turns it on), so prefer INSERT OR IGNORE / ON CONFLICT DO UPDATE.
 */

/** The day a sort_time falls on, as SQL: floor division, also right for times before 1970. */
export const day = (time: string) => `(${time} / 86400 - (${time} % 86400 < 0))`;

/** Statements adding (sign "+") or removing ("-") one link's contribution. */
const linkDelta = (row: "NEW" | "OLD", sign: "+" | "-") => {
  const d = day(`${row}.sort_time`);
  if (sign === "+")
    return `
    INSERT INTO hashtag_days (hashtag, day, posts) VALUES (${row}.hashtag, ${d}, 1)
      ON CONFLICT (hashtag, day) DO UPDATE SET posts = posts + 1;
    INSERT INTO tag_days (hashtag, day, tag, n)
      SELECT ${row}.hashtag, ${d}, t.tag, 1 FROM post_tags t WHERE t.post_id = ${row}.post_id
      ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + 1;
    INSERT INTO tag_totals (hashtag, tag, n)
      SELECT ${row}.hashtag, t.tag, 1 FROM post_tags t WHERE t.post_id = ${row}.post_id
      ON CONFLICT (hashtag, tag) DO UPDATE SET n = n + 1;`;
  const tags = `(SELECT t.tag FROM post_tags t WHERE t.post_id = ${row}.post_id)`;
  return `
    UPDATE hashtag_days SET posts = posts - 1 WHERE hashtag = ${row}.hashtag AND day = ${d};
    DELETE FROM hashtag_days WHERE hashtag = ${row}.hashtag AND day = ${d} AND posts = 0;
    UPDATE tag_days SET n = n - 1 WHERE hashtag = ${row}.hashtag AND day = ${d} AND tag IN ${tags};
    DELETE FROM tag_days WHERE hashtag = ${row}.hashtag AND day = ${d} AND tag IN ${tags} AND n = 0;
    UPDATE tag_totals SET n = n - 1 WHERE hashtag = ${row}.hashtag AND tag IN ${tags};
    DELETE FROM tag_totals WHERE hashtag = ${row}.hashtag AND tag IN ${tags} AND n = 0;`;
};

/** Statements adding or removing one own tag's contribution, for every hashtag the post is linked to. */
const tagDelta = (row: "NEW" | "OLD", sign: "+" | "-") => {
  const d = day("h.sort_time");
  if (sign === "+")
    return `
    INSERT INTO tag_days (hashtag, day, tag, n)
      SELECT h.hashtag, ${d}, ${row}.tag, 1 FROM post_hashtags h WHERE h.post_id = ${row}.post_id
      ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + 1;
    INSERT INTO tag_totals (hashtag, tag, n)
      SELECT h.hashtag, ${row}.tag, 1 FROM post_hashtags h WHERE h.post_id = ${row}.post_id
      ON CONFLICT (hashtag, tag) DO UPDATE SET n = n + 1;`;
  // A post has one link per hashtag, so (hashtag, day) pairs are distinct.
  const days = `(SELECT h.hashtag, ${d} FROM post_hashtags h WHERE h.post_id = ${row}.post_id)`;
  const hashtags = `(SELECT h.hashtag FROM post_hashtags h WHERE h.post_id = ${row}.post_id)`;
  return `
    UPDATE tag_days SET n = n - 1 WHERE tag = ${row}.tag AND (hashtag, day) IN ${days};
    DELETE FROM tag_days WHERE tag = ${row}.tag AND (hashtag, day) IN ${days} AND n = 0;
    UPDATE tag_totals SET n = n - 1 WHERE tag = ${row}.tag AND hashtag IN ${hashtags};
    DELETE FROM tag_totals WHERE tag = ${row}.tag AND hashtag IN ${hashtags} AND n = 0;`;
};

/** A trigger's WHEN clause: the condition it has on its own and, when given, the guard every row must pass too. */
const when = (guard: string | null, condition: string | null): string => {
  if (guard === null) return condition === null ? "" : ` WHEN ${condition}`;
  return condition === null ? ` WHEN ${guard}` : ` WHEN ${guard} AND (${condition})`;
};

/** The three of aggregateTriggers on the link table, for a migration that rebuilds it (post-hashtags-keys.ts). */
export const aggregateLinkTriggers = (guard: string | null): string => `
  CREATE TRIGGER aggregate_link_added AFTER INSERT ON post_hashtags${when(guard, null)} BEGIN ${linkDelta("NEW", "+")}
  END;
  CREATE TRIGGER aggregate_link_removed AFTER DELETE ON post_hashtags${when(guard, null)} BEGIN ${linkDelta("OLD", "-")}
  END;
  -- Upserts move a post's links when its create time changes; within one day nothing changes.
  CREATE TRIGGER aggregate_link_moved AFTER UPDATE OF hashtag, post_id, sort_time ON post_hashtags
    ${when(
      guard,
      `OLD.hashtag IS NOT NEW.hashtag OR OLD.post_id IS NOT NEW.post_id
      OR ${day("OLD.sort_time")} IS NOT ${day("NEW.sort_time")}`,
    )}
  BEGIN ${linkDelta("OLD", "-")} ${linkDelta("NEW", "+")}
  END;
`;

/**
 * The six triggers that keep the aggregate; `guard` (a SQL condition) lets a bulk writer turn them off for its own
 * rows while it applies the same counts set-based (bulk-writes-schema.ts).
 */
export const aggregateTriggers = (guard: string | null): string => `${aggregateLinkTriggers(guard)}
  CREATE TRIGGER aggregate_tag_added AFTER INSERT ON post_tags${when(guard, null)} BEGIN ${tagDelta("NEW", "+")}
  END;
  CREATE TRIGGER aggregate_tag_removed AFTER DELETE ON post_tags${when(guard, null)} BEGIN ${tagDelta("OLD", "-")}
  END;
  CREATE TRIGGER aggregate_tag_changed AFTER UPDATE OF post_id, tag ON post_tags
    ${when(guard, "OLD.post_id IS NOT NEW.post_id OR OLD.tag IS NOT NEW.tag")}
  BEGIN ${tagDelta("OLD", "-")} ${tagDelta("NEW", "+")}
  END;
`;

/** Undoes aggregateTriggers (its names), for a migration that re-creates them differently. */
export const DROP_AGGREGATE_TRIGGERS = [
  "link_added",
  "link_removed",
  "link_moved",
  "tag_added",
  "tag_removed",
  "tag_changed",
]
  .map((name) => `DROP TRIGGER aggregate_${name};`)
  .join("\n");

export const CO_OCCURRENCE_MIGRATION = `
  CREATE TABLE hashtag_days (
    hashtag TEXT NOT NULL,
    day INTEGER NOT NULL,
    posts INTEGER NOT NULL,
    PRIMARY KEY (hashtag, day)
  ) WITHOUT ROWID;
  CREATE TABLE tag_days (
    hashtag TEXT NOT NULL,
    day INTEGER NOT NULL,
    tag TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, day, tag)
  ) WITHOUT ROWID;
  CREATE TABLE tag_totals (
    hashtag TEXT NOT NULL,
    tag TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, tag)
  ) WITHOUT ROWID;

  ${aggregateTriggers(null)}
  INSERT INTO hashtag_days (hashtag, day, posts)
    SELECT hashtag, ${day("sort_time")} AS d, COUNT(*) FROM post_hashtags GROUP BY hashtag, d;
  INSERT INTO tag_days (hashtag, day, tag, n)
    SELECT h.hashtag, ${day("h.sort_time")} AS d, t.tag, COUNT(*)
    FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id GROUP BY h.hashtag, d, t.tag;
  INSERT INTO tag_totals (hashtag, tag, n) SELECT hashtag, tag, SUM(n) FROM tag_days GROUP BY hashtag, tag;
`;
