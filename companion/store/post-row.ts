import { fastParseJson } from "../../shared/json/fast-parse-json.ts";
import type { Post } from "../../shared/post/post.ts";
import { unpackRaw } from "./raw-codec.ts";

/** A posts row as stored: the Post without `raw` as JSON, and `raw`'s JSON text packed (raw-codec.ts). */
export interface StoredPostRow {
  json: string;
  raw: Uint8Array | null;
}

/** The columns a query needs to rebuild the Post (prefix them when the query joins: `p.json, p.raw`). */
export const POST_COLUMNS = "json, raw";

/** The Post without `raw`, as the json column holds it (and the sync feed sends it). */
export const slimJson = (post: Post): string => {
  const { raw: _raw, ...slim } = post;
  return JSON.stringify(slim);
};

/**
 * The Post a row holds. `raw` goes last, where every parser puts it, so the rebuilt Post serialises exactly as
 * it did when stored; its text is read as parseJson reads it, big integers as their digits.
 */
export const postFromRow = (row: StoredPostRow): Post => {
  const slim = JSON.parse(row.json) as Omit<Post, "raw">;
  return { ...slim, raw: row.raw === null ? null : fastParseJson(unpackRaw(row.raw)) };
};
