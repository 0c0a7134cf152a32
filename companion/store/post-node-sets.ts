import { encodeNumberSql, NODE_NUMBERS, POST_END } from "./tag-code.ts";

/**
 * The SQL that reads a hashtag's posts' own tags for the network, as tag-code.ts writes them: one string for a
 * hashtag's posts, each link's tag_codes as stored (tag-codes-schema.ts). A link whose tag_codes is NULL
 * (unknown) has its post's tags read from post_tags instead and written as node numbers, so every post counts
 * exactly whichever writer left it.
 *
 * One walk: the hashtag's links of the range straight off the table, whose key (hashtag, sort_time, post_id) holds
 * them in time order with their tag_codes (post-hashtags-keys.ts), so a range reads only its own links and no link
 * is looked up elsewhere (1M links: ~0.2 s).
 */
export interface NodeSetParams {
  hashtag: string;
  /** JSON array of the nodes, in the order their numbers refer to. */
  nodes: string;
  /** Inclusive sort_time bounds (time-bounds.ts). */
  low: number;
  high: number;
}

/**
 * The statement. COALESCE evaluates the post_tags read only for a NULL tag_codes; CROSS JOIN there keeps SQLite
 * from starting at the nodes.
 */
export const NODE_SETS_SQL = `
  WITH nodes(tag, number) AS MATERIALIZED (SELECT value, key FROM json_each(@nodes))
  SELECT coalesce(group_concat(coalesce(h.tag_codes, char(${NODE_NUMBERS.charCodeAt(0)}) || (
      SELECT coalesce(group_concat(${encodeNumberSql("n.number")}, ''), '')
      FROM post_tags t CROSS JOIN nodes n ON n.tag = t.tag WHERE t.post_id = h.post_id)), char(${POST_END.charCodeAt(0)})), '')
  FROM post_hashtags h
  WHERE h.hashtag = @hashtag AND h.sort_time BETWEEN @low AND @high`;
