import type { Post } from "../../shared/post/post.ts";
import { ownTags } from "./own-tags.ts";
import type { PackedPost } from "./post-store.ts";
import { isoTime } from "./time-bounds.ts";

/** What the upsert writes of a post besides its two packed blobs. */
export type PostFacts = Omit<PackedPost, "raw" | "json">;

/** A post's facts, taken the same way by an import's reading thread and by the upsert packing a Post itself. */
export const postFacts = (post: Post): PostFacts => ({
  id: post.id,
  createTime: post.createTime,
  observedAt: isoTime(post.source.collectedAt),
  tags: ownTags(post),
  stats: post.stats,
});
