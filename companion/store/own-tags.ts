import { normaliseHashtag } from "../../shared/hashtag/hashtag.ts";
import type { Post } from "../../shared/post/post.ts";

/** A post's post_tags rows: its hashtags normalised, once each, none empty. */
export const ownTags = (post: Pick<Post, "hashtags">): string[] =>
  [...new Set(post.hashtags.map(normaliseHashtag))].filter((tag) => tag !== "");
