import { isObject, type Json } from "../post/coerce.ts";
import { type Post, tiktokPostUrl } from "../post/post.ts";

/** Builds a tiktok-scraper collector item, the shape of the seed's data/<tag>/posts/data.json. */
const scraperItemFromPost = (post: Post): Json => {
  const item: Json = {
    id: post.id,
    secretID: post.id,
    text: post.description,
    createTime: post.createTime ?? 0,
    authorMeta: {
      id: post.author.id ?? "",
      secUid: post.author.secUid ?? "",
      name: post.author.uniqueId ?? "",
      nickName: post.author.nickname ?? "",
      verified: post.author.verified,
      fans: post.author.followers,
    },
    musicMeta: {
      musicId: post.music.id ?? "",
      musicName: post.music.title ?? "",
      musicAuthor: post.music.author ?? "",
      playUrl: post.music.playUrl ?? "",
    },
    covers: { default: post.video.cover ?? "", origin: post.video.cover ?? "" },
    webVideoUrl: tiktokPostUrl(post),
    videoUrl: post.video.playAddr ?? "",
    videoUrlNoWaterMark: post.video.downloadAddr ?? "",
    videoMeta: { width: post.video.width, height: post.video.height, duration: post.video.duration },
    diggCount: post.stats.likes,
    shareCount: post.stats.shares,
    playCount: post.stats.plays,
    commentCount: post.stats.comments,
    collectCount: post.stats.saves,
    mentions: post.mentions.map((name) => `@${name}`),
    // The seed's analysis reads hashtags[].name.
    hashtags: post.hashtags.map((name, index) => ({ id: String(index), name, title: "", cover: "" })),
    isAd: post.isAd,
  };
  if (post.locationCreated !== null) item.locationCreated = post.locationCreated;
  if (post.images.length > 0) item.imageUrls = post.images;
  return item;
};

/** The post as a tiktok-scraper item (for `export --layout seed`): its own raw when it was one. */
export const toScraperItem = (post: Post): Json =>
  post.source.kind === "tiktok-scraper" && isObject(post.raw) ? post.raw : scraperItemFromPost(post);
