import { epochToIso } from "../post/coerce.ts";
import { type Post, tiktokPostUrl } from "../post/post.ts";
import { type CsvCell, csvLine } from "./csv.ts";

/** 4CAT's TikTok columns (datasources/tiktok map_item), in its order, then what 4CAT leaves out. */
export const POST_CSV_COLUMNS = [
  "id",
  "author",
  "author_full",
  "author_id",
  "author_followers",
  "body",
  "timestamp",
  "unix_timestamp",
  "music_name",
  "music_id",
  "video_url",
  "tiktok_url",
  "thumbnail_url",
  "likes",
  "comments",
  "shares",
  "plays",
  "hashtags",
  "saves",
  "is_ad",
  "location",
  "images",
] as const;

export type PostCsvColumn = (typeof POST_CSV_COLUMNS)[number];

/** 4CAT writes timestamps as UTC "YYYY-MM-DD HH:MM:SS". */
const timestamp = (epochSeconds: number | null): string =>
  epochToIso(epochSeconds)?.slice(0, 19).replace("T", " ") ?? "";

export const postCsvRecord = (post: Post): Record<PostCsvColumn, CsvCell> => ({
  id: post.id,
  author: post.author.uniqueId,
  author_full: post.author.nickname,
  author_id: post.author.id,
  author_followers: post.author.followers,
  body: post.description,
  timestamp: timestamp(post.createTime),
  unix_timestamp: post.createTime,
  music_name: post.music.title,
  music_id: post.music.id,
  video_url: post.video.downloadAddr ?? post.video.playAddr,
  tiktok_url: tiktokPostUrl(post),
  thumbnail_url: post.video.cover,
  likes: post.stats.likes,
  comments: post.stats.comments,
  shares: post.stats.shares,
  plays: post.stats.plays,
  hashtags: post.hashtags.join(","),
  saves: post.stats.saves,
  is_ad: post.isAd ? "yes" : "no",
  location: post.locationCreated,
  images: post.images.join(","),
});

export const postCsvHeader = (): string => csvLine(POST_CSV_COLUMNS);

export const postCsvLine = (post: Post): string => {
  const record = postCsvRecord(post);
  return csvLine(POST_CSV_COLUMNS.map((column) => record[column]));
};

/** A whole CSV file of posts, one row each, for callers that hold the posts in memory (the extension). */
export const postsToCsv = (posts: Iterable<Post>): string => {
  let text = postCsvHeader();
  for (const post of posts) text += postCsvLine(post);
  return text;
};
