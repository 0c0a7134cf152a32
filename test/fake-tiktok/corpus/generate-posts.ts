import { normaliseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { ItemStruct } from "../item-struct.ts";
import { MAX_POSTS_PER_TAG } from "./ids.ts";
import { buildItem } from "./item-builder.ts";

export interface GeneratePostsOptions {
  seed: number;
  size: number;
  /** Every post carries this hashtag; without it the stream is a general feed. */
  tag?: string;
  /** Draw co-occurring hashtags from this many distinct ones (the long tail); default: the vocabulary's ~125. */
  vocabulary?: number;
}

/**
 * Streams posts for benchmarks: the same seed, tag and size always give the same posts (and a larger size
 * the same posts first), one at a time, so a million posts never sit in memory together. Fields a post
 * lacks are undefined, which JSON.stringify drops.
 */
export function* generatePosts(options: GeneratePostsOptions): Generator<ItemStruct> {
  const { seed, size } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(size) || size < 0 || size > MAX_POSTS_PER_TAG)
    throw new RangeError(`size must be an integer from 0 to ${MAX_POSTS_PER_TAG}, got ${size}`);
  const tag = options.tag === undefined ? undefined : normaliseHashtag(options.tag);
  for (let index = 0; index < size; index++) yield buildItem(seed, tag, index, options.vocabulary);
}
