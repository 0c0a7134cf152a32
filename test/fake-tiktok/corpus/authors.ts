import { avatarUrl } from "../hosts.ts";
import type { AuthorStatsStruct, AuthorStruct } from "../item-struct.ts";
import { mixSeed, Random } from "./seeded-random.ts";
import { NAME_SYLLABLES, NICKNAMES } from "./vocabulary.ts";
import { ZipfSampler } from "./zipf.ts";

/** Creators in one corpus; a few post a lot (Zipf), most once or twice. */
export const AUTHOR_POOL_SIZE = 20_000;
const AUTHOR_STREAM = 0xa17;

export interface GeneratedAuthor {
  author: AuthorStruct;
  stats: AuthorStatsStruct;
}

const poolIndexes = Array.from({ length: AUTHOR_POOL_SIZE }, (_, index) => index);
/** Shared by every corpus: the popularity law does not depend on the seed, only who is popular does. */
export const authorSampler = new ZipfSampler(poolIndexes, 0.9);

const uniqueIdFor = (random: Random): string => {
  let name = "";
  const syllables = random.int(2, 4);
  for (let index = 0; index < syllables; index++) name += random.pick(NAME_SYLLABLES);
  if (random.chance(0.4)) name += random.pick([".", "_", ""]) + String(random.int(1, 9999));
  return name;
};

// Popular creators are drawn again and again; one seed's pool is kept (bounded by AUTHOR_POOL_SIZE).
let cachedSeed: number | undefined;
const cache = new Map<number, GeneratedAuthor>();

/** Creator number `index` of the seed's pool: the same creator every time it is drawn. */
export const authorAt = (seed: number, index: number): GeneratedAuthor => {
  if (cachedSeed !== seed) {
    cache.clear();
    cachedSeed = seed;
  }
  let generated = cache.get(index);
  if (generated === undefined) {
    generated = createAuthor(seed, index);
    cache.set(index, generated);
  }
  // Copies, so a caller editing one post's author does not edit every post by that creator.
  return { author: { ...generated.author }, stats: { ...generated.stats } };
};

const createAuthor = (seed: number, index: number): GeneratedAuthor => {
  const random = new Random(mixSeed(seed, AUTHOR_STREAM, index));
  const id = `${random.pick(["6", "7"])}${random.digits(18)}`;
  const uniqueId = uniqueIdFor(random);
  const followerCount = random.logUniform(1, 7.5);
  const videoCount = random.int(1, 3000);
  const heart = followerCount * random.int(2, 40);
  // A missing nickname is one of the null-ish fields clients must survive.
  const nickname = random.chance(0.01) ? "" : random.chance(0.5) ? random.pick(NICKNAMES) : uniqueId;
  return {
    author: {
      id,
      uniqueId,
      nickname,
      avatarThumb: avatarUrl(id, 100),
      avatarMedium: avatarUrl(id, 720),
      avatarLarger: avatarUrl(id, 1080),
      signature: random.chance(0.3) ? "" : `${nickname || uniqueId} · links below`,
      verified: random.chance(0.03),
      secUid: `MS4wLjABAAAA${random.base64url(52)}`,
      secret: false,
      ftc: false,
      relation: 0,
      openFavorite: random.chance(0.2),
      commentSetting: 0,
      duetSetting: 0,
      stitchSetting: 0,
      privateAccount: false,
      downloadSetting: random.chance(0.9) ? 0 : 3,
    },
    stats: {
      followerCount,
      followingCount: random.int(0, 2000),
      heart,
      heartCount: heart,
      videoCount,
      diggCount: random.int(0, 50_000),
      friendCount: random.int(0, 500),
    },
  };
};
