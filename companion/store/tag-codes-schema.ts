import { BULK_GUARD } from "./bulk-writes-schema.ts";
import { encodeNumberSql } from "./tag-code.ts";

/**
 * Each link's copy of its post's own tags as tag numbers (tag-code.ts), so the co-hashtag network reads one short
 * value per post instead of a join row per tag and a lookup of each tag's text (1M posts: ~0.3 s against ~4 s of
 * CPU).
 *
 *   tag_ids (id, tag)              every own tag ever stored, numbered once; rows are never changed or deleted
 *   post_hashtags.tag_codes        the numbers of the post's own tags; NULL: unknown, the reader reads the tags
 *
 * Triggers keep tag_codes exact in every writer's transaction (the sqlite3 shell too): a new own tag appends its
 * number to the post's links, a removed or changed one recomputes them, a new or moved link computes its own. A
 * bulk writer turns them off with the aggregate's switch and recomputes its batch's links itself
 * (tag-codes-refresh.ts). The computed text is NULL rather than short when a tag has no number or a number cannot be
 * written, so a value is either exact or NULL, and the reader reads NULL posts from post_tags.
 */

/** The text of a post's own tags (SQL, `postId` an expression): '' without tags, NULL when a tag has no number. */
export const postTagCodes = (postId: string): string => `(
  SELECT CASE WHEN count(*) = count(${encodeNumberSql("i.id")}) THEN coalesce(group_concat(${encodeNumberSql("i.id")}, ''), '') END
  FROM post_tags t LEFT JOIN tag_ids i ON i.tag = t.tag WHERE t.post_id = ${postId})`;

/**
 * Numbers tag `tag` (an expression) when it has no number yet. NOT EXISTS rather than OR IGNORE: inside a trigger,
 * the outer statement's conflict clause replaces OR IGNORE, and a REPLACE would renumber the tag.
 */
const numberTag = (tag: string): string =>
  `INSERT INTO tag_ids (tag) SELECT ${tag} WHERE NOT EXISTS (SELECT 1 FROM tag_ids WHERE tag = ${tag})`;

/** The triggers on the link table, for a migration that rebuilds it (post-hashtags-keys.ts). */
export const TAG_CODES_LINK_TRIGGERS = `
  CREATE TRIGGER tag_codes_link_added AFTER INSERT ON post_hashtags WHEN ${BULK_GUARD} BEGIN
    UPDATE post_hashtags SET tag_codes = ${postTagCodes("NEW.post_id")}
      WHERE hashtag = NEW.hashtag AND post_id = NEW.post_id;
  END;
  CREATE TRIGGER tag_codes_link_moved AFTER UPDATE OF hashtag, post_id ON post_hashtags WHEN ${BULK_GUARD} BEGIN
    UPDATE post_hashtags SET tag_codes = ${postTagCodes("NEW.post_id")}
      WHERE hashtag = NEW.hashtag AND post_id = NEW.post_id;
  END;
`;

const TRIGGERS = `
  CREATE TRIGGER tag_codes_tag_added AFTER INSERT ON post_tags WHEN ${BULK_GUARD} BEGIN
    ${numberTag("NEW.tag")};
    UPDATE post_hashtags SET tag_codes = tag_codes || (SELECT ${encodeNumberSql("id")} FROM tag_ids WHERE tag = NEW.tag)
      WHERE post_id = NEW.post_id;
  END;
  CREATE TRIGGER tag_codes_tag_removed AFTER DELETE ON post_tags WHEN ${BULK_GUARD} BEGIN
    UPDATE post_hashtags SET tag_codes = ${postTagCodes("OLD.post_id")} WHERE post_id = OLD.post_id;
  END;
  CREATE TRIGGER tag_codes_tag_changed AFTER UPDATE OF post_id, tag ON post_tags WHEN ${BULK_GUARD} BEGIN
    ${numberTag("NEW.tag")};
    UPDATE post_hashtags SET tag_codes = ${postTagCodes("post_hashtags.post_id")}
      WHERE post_id IN (OLD.post_id, NEW.post_id);
  END;
  ${TAG_CODES_LINK_TRIGGERS}
  CREATE TRIGGER tag_ids_kept BEFORE DELETE ON tag_ids BEGIN
    SELECT RAISE(ABORT, 'tag_ids rows are never deleted: post_hashtags.tag_codes refer to them');
  END;
  CREATE TRIGGER tag_ids_fixed BEFORE UPDATE ON tag_ids BEGIN
    SELECT RAISE(ABORT, 'tag_ids rows are never changed: post_hashtags.tag_codes refer to them');
  END;
`;

// The most used tags first, so they get the one-character numbers.
export const TAG_CODES_MIGRATION = `
  CREATE TABLE tag_ids (
    id INTEGER PRIMARY KEY,
    tag TEXT NOT NULL UNIQUE
  );
  INSERT INTO tag_ids (tag) SELECT tag FROM post_tags GROUP BY tag ORDER BY COUNT(*) DESC, tag;
  ALTER TABLE post_hashtags ADD COLUMN tag_codes TEXT;
  UPDATE post_hashtags SET tag_codes = ${postTagCodes("post_hashtags.post_id")};
  ${TRIGGERS}
`;
