/**
 * The one Post model of the product. Every collector, importer, store and exporter speaks it.
 * Fields TikTok did not give us are null rather than guessed, so analysis can tell "zero" from "unknown".
 */

/** Where a post came from; tells an exporter how `raw` is shaped. */
export type PostSourceKind =
  | "web-api" // an /api/challenge/item_list/ (or similar) response item
  | "web-rehydration" // __UNIVERSAL_DATA_FOR_REHYDRATION__ on a page
  | "sigi-state" // the older SIGI_STATE ItemModule, author as a plain string
  | "next-data" // the oldest pages' __NEXT_DATA__ (props.pageProps)
  | "tiktok-scraper" // tiktok-scraper's collector item (the seed's data.json)
  | "posts-json" // a raw JSON list of ItemStructs
  | "zeeschuimer" // a Zeeschuimer NDJSON line
  | "web-api-2020" // the 2020 web API's itemListData entry ({itemInfos, authorInfos, musicInfos, ...})
  | "aweme" // the mobile API's aweme struct (aweme_list, aweme_detail), as resellers pass it on
  | "research-api" // a TikTok Research API video (/v2/research/video/query/)
  | "csv"; // a row of a CSV another collector (or our export) wrote

export interface PostSource {
  kind: PostSourceKind;
  /** The page or API URL the post was seen on, when known. */
  url: string | null;
  /** When it was collected (ISO 8601), when known. */
  collectedAt: string | null;
}

export interface PostAuthor {
  id: string | null;
  uniqueId: string | null;
  nickname: string | null;
  verified: boolean | null;
  secUid: string | null;
  followers: number | null;
}

export interface PostStats {
  plays: number | null;
  likes: number | null;
  shares: number | null;
  comments: number | null;
  saves: number | null;
}

export interface PostVideo {
  duration: number | null;
  width: number | null;
  height: number | null;
  cover: string | null;
  playAddr: string | null;
  downloadAddr: string | null;
}

export interface PostMusic {
  id: string | null;
  title: string | null;
  author: string | null;
  playUrl: string | null;
}

export interface Post {
  id: string;
  description: string;
  /** Epoch seconds. */
  createTime: number | null;
  /** The same instant as ISO 8601 (UTC). */
  createTimeISO: string | null;
  author: PostAuthor;
  /** Normalised (see shared/hashtag), de-duplicated, in order of first appearance. */
  hashtags: string[];
  /** Mentioned user names without '@'. */
  mentions: string[];
  stats: PostStats;
  video: PostVideo;
  music: PostMusic;
  isAd: boolean;
  locationCreated: string | null;
  /** Image URLs of an image-gallery (photo mode) post; empty for a video. */
  images: string[];
  source: PostSource;
  /** The input exactly as it was parsed, so nothing TikTok sent is ever lost. */
  raw: unknown;
}

export type ParseResult = { ok: true; post: Post } | { ok: false; reason: string };

export const tiktokPostUrl = (post: Pick<Post, "id" | "author">): string =>
  `https://www.tiktok.com/@${post.author.uniqueId ?? "_"}/video/${post.id}`;

export const isGallery = (post: Pick<Post, "images">): boolean => post.images.length > 0;
