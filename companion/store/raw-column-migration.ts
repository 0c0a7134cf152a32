import type Database from "better-sqlite3";
import type { Post } from "../../shared/post/post.ts";
import { registerPackedJsonFunctions } from "./packed-json-migration.ts";
import { slimJson } from "./post-row.ts";
import { packRaw } from "./raw-codec.ts";

/**
 * Moves each post's `raw` out of the json column into a packed BLOB (raw-codec.ts): the original input stored
 * once, compressed, beside the Post's other fields as JSON. post_updated is dropped around the rewrite, so the
 * sync feed does not list every post again (what a client sees is unchanged), then recreated as migration 2
 * made it. post_tags_by_tag goes: no query looks posts up by their own tag (EXPLAIN QUERY PLAN of every query
 * in companion/ uses the primary keys and post_hashtags' indexes).
 */
export const RAW_COLUMN_MIGRATION = `
  DROP TRIGGER post_updated;
  ALTER TABLE posts ADD COLUMN raw BLOB;
  UPDATE posts SET raw = migrate_pack_raw(json), json = migrate_slim_json(json);
  CREATE TRIGGER post_updated AFTER UPDATE ON posts WHEN OLD.json IS NOT NEW.json BEGIN
    DELETE FROM changes WHERE kind = 'post' AND key = NEW.id;
    INSERT INTO changes (kind, key) VALUES ('post', NEW.id);
  END;
  DROP INDEX post_tags_by_tag;
`;

/**
 * The functions RAW_COLUMN_MIGRATION and PACKED_JSON_MIGRATION call, registered on every connection before
 * migrating. The old json column was JSON.stringify of a Post whose unsafe integers were already digit strings,
 * so JSON.parse is exact.
 */
export const registerMigrationFunctions = (db: Database.Database): void => {
  let last: { json: string; post: Post } | undefined;
  const parse = (json: string): Post => {
    if (last?.json !== json) last = { json, post: JSON.parse(json) as Post };
    return last.post;
  };
  db.function("migrate_pack_raw", { deterministic: true }, (json) =>
    packRaw(JSON.stringify(parse(json as string).raw ?? null)),
  );
  db.function("migrate_slim_json", { deterministic: true }, (json) => slimJson(parse(json as string)));
  registerPackedJsonFunctions(db);
};
