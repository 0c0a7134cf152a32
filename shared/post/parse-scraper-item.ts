import {
  asArray,
  asBoolean,
  asCount,
  asEpochSeconds,
  asId,
  asObject,
  asString,
  epochToIso,
  isObject,
} from "./coerce.ts";
import { describe, uniqueHashtags } from "./parse-item-struct.ts";
import type { ParseResult, PostSource } from "./post.ts";
import { readPostId } from "./post-id.ts";

/** A tiktok-scraper collector item (the seed's data/<tag>/posts/data.json) into a Post. */
export const parseScraperItem = (input: unknown, source: PostSource): ParseResult => {
  if (!isObject(input)) return { ok: false, reason: `expected a post object, got ${describe(input)}` };
  const postId = readPostId(input.id);
  if (!postId.ok) return postId;
  const { id } = postId;

  const author = asObject(input.authorMeta);
  const music = asObject(input.musicMeta);
  const videoMeta = asObject(input.videoMeta);
  const covers = asObject(input.covers);
  // Apify's TikTok scraper, which descends from tiktok-scraper, adds createTimeISO and puts media in videoMeta.
  const createTime = asEpochSeconds(input.createTime) ?? asEpochSeconds(input.createTimeISO);
  const mentions = asArray(input.mentions)
    .map((mention) => asString(mention)?.replace(/^@/u, "") ?? null)
    .filter((name): name is string => name !== null && name !== "");

  return {
    ok: true,
    post: {
      id,
      description: asString(input.text) ?? "",
      createTime,
      createTimeISO: epochToIso(createTime),
      author: {
        id: asId(author.id),
        uniqueId: asString(author.name),
        nickname: asString(author.nickName),
        verified: asBoolean(author.verified),
        secUid: asString(author.secUid),
        followers: asCount(author.fans),
      },
      hashtags: uniqueHashtags(
        asArray(input.hashtags).map((tag) => (isObject(tag) ? asString(tag.name) : asString(tag))),
      ),
      mentions: [...new Set(mentions)],
      stats: {
        plays: asCount(input.playCount),
        likes: asCount(input.diggCount),
        shares: asCount(input.shareCount),
        comments: asCount(input.commentCount),
        saves: asCount(input.collectCount),
      },
      video: {
        duration: asCount(videoMeta.duration),
        width: asCount(videoMeta.width),
        height: asCount(videoMeta.height),
        cover: asString(covers.default) ?? asString(covers.origin) ?? asString(videoMeta.coverUrl),
        playAddr: asString(input.videoUrl) ?? asString(videoMeta.playAddr),
        downloadAddr:
          asString(input.videoUrlNoWaterMark) ??
          asString(input.videoUrl) ??
          asString(videoMeta.downloadAddr) ??
          asString(asArray(input.mediaUrls)[0]),
      },
      music: {
        id: asId(music.musicId),
        title: asString(music.musicName),
        author: asString(music.musicAuthor),
        playUrl: asString(music.playUrl),
      },
      isAd: asBoolean(input.isAd) ?? false,
      locationCreated: asString(input.locationCreated),
      images: asArray(input.imageUrls ?? input.images)
        .map(asString)
        .filter((url): url is string => url !== null),
      source,
      raw: input,
    },
  };
};
