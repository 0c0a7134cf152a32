import type Database from "better-sqlite3";
import { encodeNodeSql, POST_SEPARATOR } from "./node-set-code.ts";

/**
 * The SQL that reads each of a hashtag's posts' tags among the network's nodes, written as node-set-code.ts
 * says: one string for a slice of the posts, posts with fewer than two nodes left out (they make no pair).
 *
 * Two walks, both exact: "post" goes through the links in post id order, the own-tag table's order, so each
 * post's tags are on the page read for the previous post (1M posts: ~1.4 s CPU against ~7 s walking in time
 * order, where every post is a page read); it can be cut into post id slices, one per core. "time" reads only
 * the posts of a date range off the time index, for ranges that hold a small part of the hashtag.
 */
export type NodeSetWalk = "post" | "time";

export interface NodeSetParams {
  hashtag: string;
  /** JSON array of the nodes, in the order their numbers refer to. */
  nodes: string;
  /** Inclusive sort_time bounds (time-bounds.ts). */
  low: number;
  high: number;
  /** The slice of post ids, from inclusive to exclusive, when nodeSetsSql was given them. */
  from?: string;
  to?: string;
}

/**
 * The statement's text for `k` nodes. The nodes' characters are made once per node: a char() call per row
 * costs as much as the rest of the query. CROSS JOIN keeps SQLite from starting at the nodes; the automatic
 * index on `nodes` answers a tag's node in a few comparisons. The unary + on sort_time in the post walk keeps
 * it on the primary key (hashtag, post_id), whose order GROUP BY then needs no sorting for. A slice's bounds
 * (`@from`, `@to`) are written only when it has them, so both limit the walk on the key.
 */
export const nodeSetsSql = (
  k: number,
  walk: NodeSetWalk,
  slice: { from: boolean; to: boolean } = { from: false, to: false },
): string => `
  WITH nodes(tag, code) AS MATERIALIZED (SELECT value, ${encodeNodeSql("key", k)} FROM json_each(@nodes)),
  per_post AS (
    SELECT group_concat(n.code, '') AS codes
    FROM post_hashtags h ${walk === "time" ? "INDEXED BY post_hashtags_by_time" : ""}
      CROSS JOIN post_tags t ON t.post_id = h.post_id
      CROSS JOIN nodes n ON n.tag = t.tag
    WHERE h.hashtag = @hashtag AND ${walk === "post" ? "+h.sort_time" : "h.sort_time"} BETWEEN @low AND @high
      ${slice.from ? "AND h.post_id >= @from" : ""} ${slice.to ? "AND h.post_id < @to" : ""}
    GROUP BY ${walk === "post" ? "h.post_id" : "h.sort_time, h.post_id"}
    HAVING count(*) > 1)
  SELECT coalesce(group_concat(codes, '${POST_SEPARATOR}'), '') FROM per_post`;

/** Post ids cutting the hashtag's links into `parts` slices of about equal size, in post id order. */
export const postIdCuts = (
  db: Database.Database,
  hashtag: string,
  links: number,
  parts: number,
): string[] => {
  const nth = db
    .prepare<[string, number], string>(
      "SELECT post_id FROM post_hashtags WHERE hashtag = ? ORDER BY post_id LIMIT 1 OFFSET ?",
    )
    .pluck();
  const cuts: string[] = [];
  for (let part = 1; part < parts; part++) {
    const cut = nth.get(hashtag, Math.floor((links * part) / parts));
    if (cut !== undefined && cut !== cuts.at(-1)) cuts.push(cut);
  }
  return cuts;
};

export interface PostSlice {
  from?: string;
  to?: string;
}

/** The slices [from, to) that `cuts` make, open at both ends. */
export const slicesAt = (cuts: readonly string[]): PostSlice[] =>
  [undefined, ...cuts].map((from, i) => {
    const to = cuts[i];
    return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  });
