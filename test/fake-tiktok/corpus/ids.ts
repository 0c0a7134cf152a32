import { hashText, mixSeed, Random } from "./seeded-random.ts";

/** Posts per tag the id scheme keeps apart (22 bits of the low word). */
export const MAX_POSTS_PER_TAG = 1 << 22;

/**
 * A 19-digit post id laid out like TikTok's: the creation time in seconds in the high 32 bits, so an id
 * sorts by time and tells when it was posted. The low word holds a salt of the tag and the post's index,
 * which keeps ids unique within a tag and, all but surely, across tags.
 */
export const postId = (createTime: number, tag: string, index: number): string => {
  if (index >= MAX_POSTS_PER_TAG) throw new RangeError(`at most ${MAX_POSTS_PER_TAG} posts per tag`);
  const low = (((hashText(tag) & 0x3ff) << 22) | index) >>> 0;
  return ((BigInt(createTime) << 32n) | BigInt(low)).toString();
};

/** The creation time an id encodes. */
export const createTimeOfId = (id: string): number => Number(BigInt(id) >> 32n);

// Hashtag names repeat across millions of posts; their ids are worth remembering.
const challengeIds = new Map<string, string>();

/**
 * A hashtag's challenge id, fixed per name whatever the seed, as on TikTok. Old tags have short ids,
 * newer ones 19 digits.
 */
export const challengeId = (name: string): string => {
  let id = challengeIds.get(name);
  if (id === undefined) {
    const random = new Random(mixSeed(hashText(name), 0x7a9));
    id = random.chance(0.3)
      ? String(random.int(1_000, 9_999_999))
      : `7${random.int(0, 4)}${random.digits(17)}`;
    challengeIds.set(name, id);
  }
  return id;
};
