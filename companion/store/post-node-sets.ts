import { encodeNumberSql, NODE_NUMBERS, POST_END } from "./tag-code.ts";

/**
 * The SQL that reads a hashtag's posts' own tags for the network, as tag-code.ts writes them: one string for a
 * hashtag's posts, each link's tag_codes as stored (tag-codes-schema.ts). A link whose tag_codes is NULL
 * (unknown) has its post's tags read from post_tags instead and written as node numbers, so every post counts
 * exactly whichever writer left it.
 *
 * Two walks, both exact: "post" goes through the hashtag's links on the primary key, reading every one and
 * filtering on time (1M links: ~0.2 s); "time" reads only the links of a date range off the time index, each then
 * looked up by its key (~5 us a link), for ranges that hold a small part of the hashtag.
 */
export type NodeSetWalk = "post" | "time";

export interface NodeSetParams {
  hashtag: string;
  /** JSON array of the nodes, in the order their numbers refer to. */
  nodes: string;
  /** Inclusive sort_time bounds (time-bounds.ts). */
  low: number;
  high: number;
}

/**
 * The statement's text. COALESCE evaluates the post_tags read only for a NULL tag_codes; CROSS JOIN there keeps
 * SQLite from starting at the nodes. The unary + on sort_time in the post walk keeps it on the primary key
 * (hashtag, post_id).
 */
export const nodeSetsSql = (walk: NodeSetWalk): string => `
  WITH nodes(tag, number) AS MATERIALIZED (SELECT value, key FROM json_each(@nodes))
  SELECT coalesce(group_concat(coalesce(h.tag_codes, char(${NODE_NUMBERS.charCodeAt(0)}) || (
      SELECT coalesce(group_concat(${encodeNumberSql("n.number")}, ''), '')
      FROM post_tags t CROSS JOIN nodes n ON n.tag = t.tag WHERE t.post_id = h.post_id)), char(${POST_END.charCodeAt(0)})), '')
  FROM post_hashtags h ${walk === "time" ? "INDEXED BY post_hashtags_by_time" : ""}
  WHERE h.hashtag = @hashtag AND ${walk === "post" ? "+h.sort_time" : "h.sort_time"} BETWEEN @low AND @high`;
