import { at, isObject, type Json } from "../post/coerce.ts";
import type { Post, PostSourceKind } from "../post/post.ts";

/** Sources whose raw already is a web ItemStruct (SIGI_STATE's plain-string author is one 4CAT reads too). */
const ITEM_STRUCT_SOURCES: ReadonlySet<PostSourceKind> = new Set([
  "web-api",
  "web-rehydration",
  "sigi-state",
  "next-data",
  "posts-json",
]);

/**
 * Builds an ItemStruct from the Post model. Unknown text is "" and unknown numbers null, which the parsers read
 * back as unknown; createTime 0 likewise, because 4CAT calls int() on it.
 */
const itemStructFromPost = (post: Post): Json => {
  const item: Json = {
    id: post.id,
    desc: post.description,
    createTime: post.createTime ?? 0,
    author: {
      id: post.author.id ?? "",
      uniqueId: post.author.uniqueId ?? "",
      nickname: post.author.nickname ?? "",
      verified: post.author.verified,
      secUid: post.author.secUid ?? "",
    },
    authorStats: { followerCount: post.author.followers },
    stats: {
      playCount: post.stats.plays,
      diggCount: post.stats.likes,
      shareCount: post.stats.shares,
      commentCount: post.stats.comments,
      collectCount: post.stats.saves,
    },
    video: {
      id: post.id,
      duration: post.video.duration,
      width: post.video.width,
      height: post.video.height,
      cover: post.video.cover ?? "",
      playAddr: post.video.playAddr ?? "",
      downloadAddr: post.video.downloadAddr ?? "",
    },
    music: {
      id: post.music.id ?? "",
      title: post.music.title ?? "",
      authorName: post.music.author ?? "",
      playUrl: post.music.playUrl ?? "",
    },
    challenges: post.hashtags.map((title) => ({ title })),
    textExtra: [
      ...post.hashtags.map((hashtagName) => ({ hashtagName, type: 1 })),
      ...post.mentions.map((userUniqueId) => ({ userUniqueId, type: 0 })),
    ],
    isAd: post.isAd,
  };
  if (post.locationCreated !== null) item.locationCreated = post.locationCreated;
  if (post.images.length > 0)
    item.imagePost = { images: post.images.map((url) => ({ imageURL: { urlList: [url] } })) };
  return item;
};

/** The post as TikTok's web ItemStruct: its own raw when it has one (lossless), else built from the model. */
export const toItemStruct = (post: Post): Json => {
  const zeeschuimerData = at(post.raw, "data");
  if (post.source.kind === "zeeschuimer" && isObject(zeeschuimerData)) return zeeschuimerData;
  if (ITEM_STRUCT_SOURCES.has(post.source.kind) && isObject(post.raw)) return post.raw;
  return itemStructFromPost(post);
};
