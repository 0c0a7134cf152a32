import { normaliseHashtag, parseHashtag } from "../../../shared/hashtag/hashtag.ts";
import type { ItemStruct } from "../item-struct.ts";
import type { Corpus, CorpusTag } from "../types.ts";
import { generatePosts } from "./generate-posts.ts";
import { challengeId } from "./ids.ts";
import { MIN_VIDEO_BYTES, mp4Bytes, videoSizeFor } from "./media-bytes.ts";
import { appendHashtag } from "./post-text.ts";
import { hashText, mixSeed, Random } from "./seeded-random.ts";

export interface CorpusOptions {
  seed: number;
  /** Hashtag -> number of posts. */
  tags: Record<string, number>;
  videoBytes: { min: number; max: number };
  /** Ids that replace those of the first tag's first posts; lookups by the real id keep working. */
  hostileIds?: readonly string[];
}

/** Share of a tag's page taken by posts of earlier tags, like one video showing on two tag pages. */
const SHARED_RATE = 0.12;
const SHARE_STREAM = 0x54a2;
const CACHED_VIDEOS = 8;

const hashtagsOf = (post: ItemStruct): Set<string> =>
  new Set(
    [
      ...(post.textExtra ?? []).map((extra) => extra.hashtagName),
      ...(post.challenges ?? []).map((c) => c.title),
    ]
      .filter((name) => name !== "")
      .map(normaliseHashtag),
  );

/** Validated, normalised tag sizes; the error names the bad entry. */
const readTags = (tags: Record<string, number>): [string, number][] => {
  const seen = new Set<string>();
  return Object.entries(tags).map(([input, size]) => {
    const parsed = parseHashtag(input);
    if (!parsed.ok) throw new RangeError(parsed.error);
    if (seen.has(parsed.hashtag)) throw new RangeError(`Hashtag ${JSON.stringify(input)} is listed twice`);
    if (!Number.isInteger(size) || size < 0)
      throw new RangeError(
        `Post count for ${JSON.stringify(input)} must be a whole number >= 0, got ${size}`,
      );
    seen.add(parsed.hashtag);
    return [parsed.hashtag, size];
  });
};

/** Some positions of a later tag's page show posts of earlier tags, which then carry this tag too. */
const shareEarlierPosts = (seed: number, tag: string, own: ItemStruct[], earlier: ItemStruct[][]): void => {
  const candidates = earlier.filter((list) => list.length > 0);
  if (candidates.length === 0) return;
  const random = new Random(mixSeed(seed, SHARE_STREAM, hashText(tag)));
  const onPage = new Set<string>();
  for (let position = 0; position < own.length; position++) {
    if (!random.chance(SHARED_RATE)) continue;
    const list = random.pick(candidates);
    const post = list[random.int(0, list.length - 1)]!;
    if (onPage.has(post.id)) continue;
    if (!hashtagsOf(post).has(tag)) appendHashtag(post, tag);
    own[position] = post;
    onPage.add(post.id);
  }
};

/**
 * The fake's posts: each tag's page built from generatePosts (so ids, captions and stats are stable per
 * seed), with a share of posts appearing on several tag pages. Posts are plain JSON, exactly as served.
 */
export const createCorpus = (options: CorpusOptions): Corpus => {
  const { seed, videoBytes: range } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(range.min >= MIN_VIDEO_BYTES && range.max >= range.min))
    throw new RangeError(
      `videoBytes must have ${MIN_VIDEO_BYTES} <= min <= max, got ${range.min}-${range.max}`,
    );

  const pages = new Map<string, ItemStruct[]>();
  const byId = new Map<string, ItemStruct>();
  for (const [tag, size] of readTags(options.tags)) {
    // A JSON round trip drops the generator's undefined fields: the corpus holds what the wire carries.
    const own = [...generatePosts({ seed, size, tag })].map(
      (post) => JSON.parse(JSON.stringify(post)) as ItemStruct,
    );
    for (const post of own)
      if (byId.has(post.id))
        throw new Error(`post id ${post.id} of #${tag} collides with another tag's post`);
    shareEarlierPosts(seed, tag, own, [...pages.values()]);
    for (const post of own) byId.set(post.id, post);
    pages.set(tag, own);
  }

  const first = pages.values().next().value ?? [];
  (options.hostileIds ?? []).forEach((id, index) => {
    const post = first[index];
    if (!post) throw new RangeError(`hostileIds: the first tag has no post number ${index + 1}`);
    post.id = id;
    byId.set(id, post);
  });

  const recentVideos = new Map<string, Buffer>();
  const video = (id: string): Buffer => {
    const cached = recentVideos.get(id);
    if (cached) return cached;
    const bytes = mp4Bytes(seed, id, corpus.videoSize(id));
    recentVideos.set(id, bytes);
    if (recentVideos.size > CACHED_VIDEOS) recentVideos.delete(recentVideos.keys().next().value!);
    return bytes;
  };

  const corpus: Corpus = {
    seed,
    tags: (): CorpusTag[] =>
      [...pages].map(([name, posts]) => ({ name, challengeId: challengeId(name), postCount: posts.length })),
    posts: (tag) => pages.get(normaliseHashtag(tag)) ?? [],
    post: (id) => byId.get(id),
    videoSize: (id) => {
      const post = byId.get(id);
      if (!post) throw new RangeError(`no post ${id} in the corpus`);
      if (post.imagePost) throw new RangeError(`post ${id} is an image gallery and has no video`);
      return videoSizeFor(seed, id, range);
    },
    // A copy: callers may write into what they get without corrupting the cache.
    videoBytes: (id, start, end) => Buffer.from(video(id).subarray(start, end)),
  };
  return corpus;
};
