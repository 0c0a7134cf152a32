import { normaliseHashtag } from "../hashtag/hashtag.ts";
import { hashtagFromUrl, tagPageUrl } from "../hashtag/tag-page-url.ts";
import { at, isObject, type Json } from "../post/coerce.ts";
import type { Post } from "../post/post.ts";
import { toItemStruct } from "./to-item-struct.ts";

export const DEFAULT_USER_AGENT = "tiktok-hashtag-analysis";

export type ZeeschuimerOptions = (
  | {
      /** The hashtag being exported; its tag page is where, for this database, the post was collected. */
      hashtag: string;
    }
  | {
      /**
       * The page posts captured off tag pages were exported for (a profile, a search, the For You feed): named
       * instead of a tag page, so importing the file again links them to no hashtag.
       */
      platformUrl: string;
    }
) & {
  /** When the post was collected (ISO 8601), used when the post itself does not say. */
  collectedAt: string;
  userAgent?: string;
};

/**
 * One record in Zeeschuimer's NDJSON line format, which 4CAT imports as is. Every record names the exported
 * hashtag's tag page as source_platform_url, so importing the file again links it to the same hashtag. A post
 * that came from Zeeschuimer is written back unchanged, save that URL when it was captured on another page.
 */
export const toZeeschuimerRecord = (post: Post, options: ZeeschuimerOptions): Json => {
  const platformUrl = "hashtag" in options ? tagPageUrl(options.hashtag) : options.platformUrl;
  if (post.source.kind === "zeeschuimer" && isObject(post.raw) && isObject(at(post.raw, "data"))) {
    const onPage =
      "hashtag" in options
        ? hashtagFromUrl(post.source.url) === normaliseHashtag(options.hashtag)
        : at(post.raw, "source_platform_url") === platformUrl;
    return onPage ? post.raw : { ...post.raw, source_platform_url: platformUrl };
  }
  const collected = Date.parse(post.source.collectedAt ?? options.collectedAt);
  return {
    id: post.id,
    thread_id: post.id,
    timestamp_collected: Number.isNaN(collected) ? 0 : collected,
    source_platform: "tiktok.com",
    source_platform_url: platformUrl,
    source_url: post.source.url ?? platformUrl,
    user_agent: options.userAgent ?? DEFAULT_USER_AGENT,
    data: toItemStruct(post),
  };
};

/** The record as one NDJSON line, newline included. */
export const toZeeschuimerLine = (post: Post, options: ZeeschuimerOptions): string =>
  `${JSON.stringify(toZeeschuimerRecord(post, options))}\n`;
