import type { Post } from "../../post/post.ts";

/** A complete slim post (a Post without raw) for the sync contracts' tests. */
export const slimPost = (id: string, description: string): Omit<Post, "raw"> => ({
  id,
  description,
  createTime: 1_700_000_000,
  createTimeISO: "2023-11-14T22:13:20.000Z",
  author: { id: "1", uniqueId: "a", nickname: "A", verified: false, secUid: null, followers: 3 },
  hashtags: ["travel"],
  mentions: [],
  stats: { plays: 1, likes: 2, shares: null, comments: 0, saves: null },
  video: { duration: 5, width: 1, height: 1, cover: null, playAddr: null, downloadAddr: null },
  music: { id: null, title: null, author: null, playUrl: null },
  isAd: false,
  locationCreated: null,
  images: [],
  source: { kind: "web-api", url: null, collectedAt: null },
});
