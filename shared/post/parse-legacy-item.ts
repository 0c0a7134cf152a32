import { asArray, asObject, at, isObject, type Json } from "./coerce.ts";
import { describe, parseItemStruct } from "./parse-item-struct.ts";
import type { ParseResult, PostSource } from "./post.ts";

/**
 * Older TikTok shapes, rewritten as the web ItemStruct they correspond to so one reader interprets every
 * field; the original stays the post's raw.
 */

/**
 * An entry of the 2020 web API's body.itemListData: {itemInfos, authorInfos, musicInfos, challengeInfoList,
 * textExtra, authorStats}, where counts and createTime often come as strings.
 */
export const parseLegacyWebItem = (entry: unknown, source: PostSource): ParseResult => {
  if (!isObject(entry)) return { ok: false, reason: `expected a post object, got ${describe(entry)}` };
  const item = asObject(entry.itemInfos);
  const author = asObject(entry.authorInfos);
  const music = asObject(entry.musicInfos);
  const meta = asObject(at(item, "video", "videoMeta"));
  const structured: Json = {
    id: item.id,
    desc: item.text,
    createTime: item.createTime,
    author: {
      id: author.userId,
      uniqueId: author.uniqueId,
      nickname: author.nickName,
      verified: author.verified,
      secUid: author.secUid,
    },
    authorStats: entry.authorStats,
    stats: {
      playCount: item.playCount,
      diggCount: item.diggCount,
      shareCount: item.shareCount,
      commentCount: item.commentCount,
    },
    video: {
      duration: meta.duration,
      width: meta.width,
      height: meta.height,
      cover: asArray(item.covers)[0] ?? asArray(item.coversOrigin)[0],
      playAddr: asArray(at(item, "video", "urls"))[0],
    },
    music: {
      id: music.musicId,
      title: music.musicName,
      authorName: music.authorName,
      playUrl: asArray(music.playUrl)[0],
    },
    challenges: asArray(entry.challengeInfoList).map((challenge) => ({
      title: at(challenge, "challengeName"),
    })),
    textExtra: entry.textExtra ?? item.textExtra,
    isAd: item.isAd,
  };
  return parseItemStruct(structured, source, entry);
};

const firstOfUrlList = (value: unknown): unknown => asArray(at(value, "url_list"))[0];

/** The mobile API's aweme struct: aweme_id, statistics {digg_count, ...}, author {uid, unique_id}, ... */
export const parseAweme = (aweme: unknown, source: PostSource): ParseResult => {
  if (!isObject(aweme)) return { ok: false, reason: `expected a post object, got ${describe(aweme)}` };
  const author = asObject(aweme.author);
  const stats = asObject(aweme.statistics);
  const video = asObject(aweme.video);
  const music = asObject(aweme.music);
  const structured: Json = {
    id: aweme.aweme_id,
    desc: aweme.desc,
    createTime: aweme.create_time,
    author: {
      id: author.uid,
      uniqueId: author.unique_id,
      nickname: author.nickname,
      verified: author.verification_type === undefined ? undefined : author.verification_type === 1,
      secUid: author.sec_uid,
    },
    authorStats: { followerCount: author.follower_count },
    stats: {
      playCount: stats.play_count,
      diggCount: stats.digg_count,
      shareCount: stats.share_count,
      commentCount: stats.comment_count,
      collectCount: stats.collect_count,
    },
    video: {
      // The mobile API gives milliseconds.
      duration: typeof video.duration === "number" ? Math.round(video.duration / 1000) : undefined,
      width: video.width,
      height: video.height,
      cover: firstOfUrlList(video.cover) ?? firstOfUrlList(video.origin_cover),
      playAddr: firstOfUrlList(video.play_addr),
      downloadAddr: firstOfUrlList(video.download_addr),
    },
    music: {
      id: music.id_str ?? music.id,
      title: music.title,
      authorName: music.author,
      playUrl: firstOfUrlList(music.play_url),
    },
    // Mentions there carry user ids, not names, so only the hashtags are taken.
    textExtra: asArray(aweme.text_extra).map((extra) => ({ hashtagName: at(extra, "hashtag_name") })),
    challenges: asArray(aweme.cha_list).map((challenge) => ({ title: at(challenge, "cha_name") })),
    isAd: aweme.is_ads,
    locationCreated: aweme.region,
    imagePost: {
      images: asArray(at(aweme, "image_post_info", "images")).map((image) => ({
        imageURL: { urlList: asArray(at(image, "display_image", "url_list")) },
      })),
    },
  };
  return parseItemStruct(structured, source, aweme);
};
