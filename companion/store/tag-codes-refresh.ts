import type Database from "better-sqlite3";
import { postTagCodes } from "./tag-codes-schema.ts";

/**
 * The bulk writer's side of tag-codes-schema.ts: while its triggers are off, after a batch has written its posts'
 * own tags and links, numbers the batch's new tags and recomputes its posts' links' tag_codes, set-based.
 * `ids` is a JSON list of the batch's post ids.
 */
export const tagCodesRefresh = (db: Database.Database): ((ids: string) => void) => {
  const number = db.prepare(
    `INSERT OR IGNORE INTO tag_ids (tag)
     SELECT t.tag FROM post_tags t WHERE t.post_id IN (SELECT value FROM json_each(?))`,
  );
  const recompute = db.prepare(
    `UPDATE post_hashtags SET tag_codes = ${postTagCodes("post_hashtags.post_id")}
     WHERE post_id IN (SELECT value FROM json_each(?))`,
  );
  return (ids) => {
    number.run(ids);
    recompute.run(ids);
  };
};
