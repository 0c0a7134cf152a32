import type { Post } from "../../shared/post/post.ts";

type Nullable = Record<string, unknown>;

/** Field by field, `newer` wins wherever it knows the value. */
const mergeKnown = <T extends object>(older: T, newer: T): T => {
  const merged: Nullable = { ...(older as Nullable) };
  for (const [key, value] of Object.entries(newer as Nullable)) if (value !== null) merged[key] = value;
  return merged as T;
};

const nonEmpty = <T>(older: T[], newer: T[]): T[] => (newer.length > 0 ? newer : older);

/**
 * The stored post after seeing `newer`: its values win (latest stats, latest raw and source), but nothing known
 * before is forgotten because a later, poorer source left it out.
 */
export const mergePost = (older: Post, newer: Post): Post => ({
  ...newer,
  description: newer.description !== "" ? newer.description : older.description,
  createTime: newer.createTime ?? older.createTime,
  createTimeISO: newer.createTime !== null ? newer.createTimeISO : older.createTimeISO,
  author: mergeKnown(older.author, newer.author),
  hashtags: nonEmpty(older.hashtags, newer.hashtags),
  mentions: nonEmpty(older.mentions, newer.mentions),
  stats: mergeKnown(older.stats, newer.stats),
  video: mergeKnown(older.video, newer.video),
  music: mergeKnown(older.music, newer.music),
  locationCreated: newer.locationCreated ?? older.locationCreated,
  images: nonEmpty(older.images, newer.images),
});
