import { asArray, asCount, asEpochSeconds, asId, asString, epochToIso, isObject } from "./coerce.ts";
import { describe, uniqueHashtags } from "./parse-item-struct.ts";
import type { ParseResult, PostSource } from "./post.ts";
import { readPostId } from "./post-id.ts";

/** Fields only a TikTok Research API video has (the web shapes say desc, stats, author). */
export const RESEARCH_VIDEO_FIELDS = [
  "video_description",
  "hashtag_names",
  "region_code",
  "view_count",
  "like_count",
  "voice_to_text",
] as const;

export const isResearchVideo = (record: Record<string, unknown>): boolean =>
  RESEARCH_VIDEO_FIELDS.some((field) => field in record) && !("desc" in record);

/**
 * A TikTok Research API video (/v2/research/video/query/ `data.videos[]`). Its id is a bare 19-digit JSON
 * number: read through parseJson it arrives as exact digits, and readPostId refuses one a double rounded.
 */
export const parseResearchVideo = (input: unknown, source: PostSource): ParseResult => {
  if (!isObject(input)) return { ok: false, reason: `expected a post object, got ${describe(input)}` };
  const postId = readPostId(input.id ?? input.video_id);
  if (!postId.ok) return postId;
  const createTime = asEpochSeconds(input.create_time);
  const description = asString(input.video_description) ?? "";
  return {
    ok: true,
    post: {
      id: postId.id,
      description,
      createTime,
      createTimeISO: epochToIso(createTime),
      author: {
        id: null,
        uniqueId: asString(input.username),
        nickname: null,
        verified: null,
        secUid: null,
        followers: null,
      },
      hashtags: uniqueHashtags(asArray(input.hashtag_names).map(asString)),
      mentions: [],
      stats: {
        plays: asCount(input.view_count),
        likes: asCount(input.like_count),
        shares: asCount(input.share_count),
        comments: asCount(input.comment_count),
        saves: asCount(input.favorites_count),
      },
      video: {
        duration: asCount(input.video_duration),
        width: null,
        height: null,
        cover: null,
        playAddr: null,
        downloadAddr: null,
      },
      music: { id: asId(input.music_id), title: null, author: null, playUrl: null },
      isAd: false,
      locationCreated: asString(input.region_code),
      images: [],
      source,
      raw: input,
    },
  };
};
