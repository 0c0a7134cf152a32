import type Database from "better-sqlite3";
import { encodeNumberSql, NODE_NUMBERS, POST_END } from "./tag-code.ts";

/**
 * The SQL that reads a hashtag's posts' own tags for the network, as tag-code.ts writes them: one string for a
 * slice of the posts, each link's tag_codes as stored (tag-codes-schema.ts). A link whose tag_codes is NULL
 * (unknown) has its post's tags read from post_tags instead and written as node numbers, so every post counts
 * exactly whichever writer left it.
 *
 * Two walks, both exact: "post" goes through the links in post id order (the primary key), reading every link of
 * the hashtag and filtering on time; it can be cut into post id slices, one per core. "time" reads only the links
 * of a date range off the time index, each then looked up by its key, for ranges that hold a small part of the
 * hashtag.
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
 * The statement's text. COALESCE evaluates the post_tags read only for a NULL tag_codes; CROSS JOIN there keeps
 * SQLite from starting at the nodes. The unary + on sort_time in the post walk keeps it on the primary key
 * (hashtag, post_id). A slice's bounds (`@from`, `@to`) are written only when it has them, so both limit the walk
 * on the key.
 */
export const nodeSetsSql = (
  walk: NodeSetWalk,
  slice: { from: boolean; to: boolean } = { from: false, to: false },
): string => `
  WITH nodes(tag, number) AS MATERIALIZED (SELECT value, key FROM json_each(@nodes))
  SELECT coalesce(group_concat(coalesce(h.tag_codes, char(${NODE_NUMBERS.charCodeAt(0)}) || (
      SELECT coalesce(group_concat(${encodeNumberSql("n.number")}, ''), '')
      FROM post_tags t CROSS JOIN nodes n ON n.tag = t.tag WHERE t.post_id = h.post_id)), char(${POST_END.charCodeAt(0)})), '')
  FROM post_hashtags h ${walk === "time" ? "INDEXED BY post_hashtags_by_time" : ""}
  WHERE h.hashtag = @hashtag AND ${walk === "post" ? "+h.sort_time" : "h.sort_time"} BETWEEN @low AND @high
    ${slice.from ? "AND h.post_id >= @from" : ""} ${slice.to ? "AND h.post_id < @to" : ""}`;

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
