import { normaliseHashtag } from "../hashtag/hashtag.ts";
import {
  asArray,
  asBoolean,
  asCount,
  asEpochSeconds,
  asId,
  asObject,
  asString,
  at,
  epochToIso,
  firstOf,
  isObject,
  type Json,
} from "./coerce.ts";
import type { ParseResult, PostSource } from "./post.ts";
import { readPostId } from "./post-id.ts";

/** Normalised, de-duplicated, empty names dropped. */
export const uniqueHashtags = (names: (string | null)[]): string[] =>
  [...new Set(names.filter((name): name is string => name !== null).map(normaliseHashtag))].filter(
    (tag) => tag !== "",
  );

const firstUrl = (value: unknown): string | null =>
  asString(value) ?? asString(asArray(at(value, "urlList"))[0]) ?? null;

/** The author of a web ItemStruct: an object, or (SIGI_STATE) a plain uniqueId with fields beside it. */
const readAuthor = (item: Json) => {
  const author = item.author;
  if (typeof author === "string") {
    return {
      id: asId(item.authorId),
      uniqueId: asString(author),
      nickname: asString(item.nickname),
      verified: asBoolean(item.authorVerified ?? item.verified),
      secUid: asString(item.authorSecId),
      followers: asCount(at(item, "authorStats", "followerCount")),
    };
  }
  const object = asObject(author);
  return {
    id: asId(object.id),
    uniqueId: asString(object.uniqueId),
    nickname: asString(object.nickname),
    verified: asBoolean(object.verified),
    secUid: asString(object.secUid),
    followers: firstOf(
      asCount(at(item, "authorStatsV2", "followerCount")),
      asCount(at(item, "authorStats", "followerCount")),
    ),
  };
};

/** One count: statsV2's strings are exact where stats is rounded (59149 vs 59100), so they win when present. */
const stat = (item: Json, key: string): number | null =>
  firstOf(asCount(at(item, "statsV2", key)), asCount(at(item, "stats", key)));

/**
 * The highest-bitrate rendition's URL: newer responses may leave playAddr/downloadAddr empty and list the
 * renditions in bitrateInfo instead, and without a URL the media download has nothing to fetch.
 */
const bestBitrateUrl = (video: Json): string | null => {
  let best: { bitrate: number; url: string } | null = null;
  for (const entry of asArray(video.bitrateInfo)) {
    const url = asString(asArray(at(entry, "PlayAddr", "UrlList"))[0]);
    const bitrate = asCount(at(entry, "Bitrate")) ?? 0;
    if (url !== null && (best === null || bitrate > best.bitrate)) best = { bitrate, url };
  }
  return best?.url ?? null;
};

/**
 * TikTok's web ItemStruct (item_list responses, rehydration JSON, SIGI_STATE ItemModule, Zeeschuimer's data)
 * into a Post. Never throws: a post is kept with whatever is readable; only a missing id rejects it.
 */
export const parseItemStruct = (input: unknown, source: PostSource, raw: unknown = input): ParseResult => {
  if (!isObject(input)) return { ok: false, reason: `expected a post object, got ${describe(input)}` };
  const postId = readPostId(input.id);
  if (!postId.ok) return postId;
  const { id } = postId;

  const textExtra = asArray(input.textExtra).map(asObject);
  const createTime = asEpochSeconds(input.createTime);
  const video = asObject(input.video);
  const music = asObject(input.music);
  const images = asArray(at(input, "imagePost", "images"))
    .map((image) => firstUrl(at(image, "imageURL")) ?? firstUrl(at(image, "displayImage")))
    .filter((url): url is string => url !== null);

  return {
    ok: true,
    post: {
      id,
      description: asString(input.desc) ?? "",
      createTime,
      createTimeISO: epochToIso(createTime),
      author: readAuthor(input),
      hashtags: uniqueHashtags([
        ...textExtra.map((extra) => asString(extra.hashtagName)),
        ...asArray(input.challenges).map((challenge) => asString(at(challenge, "title"))),
      ]),
      mentions: [
        ...new Set(
          textExtra
            .map((extra) => asString(extra.userUniqueId))
            .filter((name): name is string => name !== null),
        ),
      ],
      stats: {
        plays: stat(input, "playCount"),
        likes: stat(input, "diggCount"),
        shares: stat(input, "shareCount"),
        comments: stat(input, "commentCount"),
        saves: stat(input, "collectCount"),
      },
      video: {
        duration: asCount(video.duration),
        width: asCount(video.width),
        height: asCount(video.height),
        cover: asString(video.cover) ?? asString(video.originCover),
        playAddr: firstUrl(video.playAddr) ?? bestBitrateUrl(video),
        downloadAddr: firstUrl(video.downloadAddr) ?? bestBitrateUrl(video),
      },
      music: {
        id: asId(music.id),
        title: asString(music.title),
        author: asString(music.authorName),
        playUrl: firstUrl(music.playUrl),
      },
      isAd: asBoolean(input.isAd) ?? false,
      locationCreated: asString(input.locationCreated),
      images,
      source,
      raw,
    },
  };
};

export const describe = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
