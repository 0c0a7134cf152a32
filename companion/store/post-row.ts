import { fastParseJson } from "../../shared/json/fast-parse-json.ts";
import type { Post } from "../../shared/post/post.ts";
import { packPostJson, unpackRaw, unpackText } from "./raw-codec.ts";

/**
 * A posts row as stored: the Post without `raw` as JSON packed (raw-codec.ts codec 3; plain TEXT in a database
 * not migrated yet), and `raw`'s JSON text packed.
 */
export interface StoredPostRow {
  json: string | Uint8Array;
  raw: Uint8Array | null;
}

/** The columns a query needs to rebuild the Post (prefix them when the query joins: `p.json, p.raw`). */
export const POST_COLUMNS = "json, raw";

/** The Post without `raw`, as JSON text: what the json column holds packed (and the sync feed sends). */
export const slimJson = (post: Post): string => {
  const { raw: _raw, ...slim } = post;
  return JSON.stringify(slim);
};

/** The json column's value for a Post's slimJson text. */
export const packSlimJson = (text: string): Buffer => packPostJson(text);

/** The slimJson text a json column holds, packed or (before the migration that packs it) as TEXT. */
export const slimJsonOf = (json: string | Uint8Array): string =>
  typeof json === "string" ? json : unpackText(json);

/**
 * The Post a row holds. `raw` goes last, where every parser puts it, so the rebuilt Post serialises exactly as
 * it did when stored; its text is read as parseJson reads it, big integers as their digits.
 */
export const postFromRow = (row: StoredPostRow): Post => {
  const slim = JSON.parse(slimJsonOf(row.json)) as Omit<Post, "raw">;
  return { ...slim, raw: row.raw === null ? null : fastParseJson(unpackRaw(row.raw)) };
};
