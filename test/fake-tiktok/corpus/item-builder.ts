import type { AuthorStatsStruct, ItemStruct } from "../item-struct.ts";
import { authorAt, authorSampler } from "./authors.ts";
import { postId } from "./ids.ts";
import { galleryStructs, musicStruct, videoStruct } from "./post-media.ts";
import { statsFor, statsV2For } from "./post-stats.ts";
import { challengeStruct, composeText, type Mention } from "./post-text.ts";
import { hashText, mixSeed, Random } from "./seeded-random.ts";
import { HASHTAGS_BY_POPULARITY, LANGUAGES, REGIONS } from "./vocabulary.ts";
import { ZipfSampler } from "./zipf.ts";

/** The instant the fake's world stands still at: every post is older, every response's "now". */
export const REFERENCE_NOW = 1_748_779_200; // 2025-06-01T12:00:00Z
const TWO_YEARS = 2 * 365 * 86_400;
const OLD_FROM = 1_533_081_600; // 2018-08-01, when the TikTok app took over musical.ly
const OLD_UNTIL = 1_609_459_200; // 2021-01-01

/** How often each edge case appears; tests read these to know what to expect. */
export const RATES = {
  gallery: 0.06,
  ad: 0.025,
  noTextExtra: 0.08,
  noChallenges: 0.04,
  emptyDesc: 0.02,
  stringCreateTime: 0.03,
  old: 0.08,
  partialStats: 0.06,
  noMusic: 0.02,
  noLocation: 0.15,
  mentions: 0.2,
} as const;

const hashtagSampler = new ZipfSampler(HASHTAGS_BY_POPULARITY, 1.0);
const longTailSamplers = new Map<number, ZipfSampler<string>>();

/**
 * The vocabulary's hashtags followed by made-up rarer ones ("travel1234"), `size` in all: real collections meet
 * tens of thousands of distinct hashtags, most of them a handful of times.
 */
export const longTailHashtags = (size: number): string[] =>
  Array.from({ length: size }, (_, rank) => {
    const base = HASHTAGS_BY_POPULARITY[rank % HASHTAGS_BY_POPULARITY.length]!;
    return rank < HASHTAGS_BY_POPULARITY.length ? base : `${base}${rank}`;
  });

const samplerFor = (vocabulary: number | undefined): ZipfSampler<string> => {
  if (vocabulary === undefined || vocabulary <= HASHTAGS_BY_POPULARITY.length) return hashtagSampler;
  let sampler = longTailSamplers.get(vocabulary);
  if (!sampler) {
    sampler = new ZipfSampler(longTailHashtags(vocabulary), 1.0);
    longTailSamplers.set(vocabulary, sampler);
  }
  return sampler;
};
const languageSampler = new ZipfSampler(LANGUAGES, 1.3);

const asStrings = (stats: AuthorStatsStruct): Record<keyof AuthorStatsStruct, string> => ({
  followerCount: String(stats.followerCount),
  followingCount: String(stats.followingCount),
  heart: String(stats.heart),
  heartCount: String(stats.heartCount),
  videoCount: String(stats.videoCount),
  diggCount: String(stats.diggCount),
  friendCount: String(stats.friendCount),
});

/** Shouting and title case, which TikTok keeps in captions and clients must normalise. */
const displayForm = (name: string, random: Random): string => {
  if (!random.chance(0.12)) return name;
  return random.chance(0.3) ? name.toUpperCase() : name.charAt(0).toUpperCase() + name.slice(1);
};

/** The tag's own hashtag among 0-8 Zipf-drawn companions, at a random place, no repeats. */
const drawHashtags = (random: Random, tag: string | undefined, sampler: ZipfSampler<string>): string[] => {
  const wanted = Math.floor(random.float() ** 1.6 * 9);
  const names = new Set<string>();
  for (let attempt = 0; names.size < wanted && attempt < wanted * 3; attempt++) {
    const name = sampler.sample(random);
    if (name !== tag) names.add(name);
  }
  const list = [...names];
  if (tag !== undefined) list.splice(random.int(0, list.length), 0, tag);
  return list;
};

const sentence = (random: Random): string => {
  const { words } = languageSampler.sample(random);
  let text = random.pick(words);
  for (let length = random.int(1, 9); length > 0; length--) text += ` ${random.pick(words)}`;
  return text;
};

const mentionsFor = (random: Random, seed: number): Mention[] => {
  if (!random.chance(RATES.mentions)) return [];
  return Array.from({ length: random.int(1, 2) }, () => {
    const { author } = authorAt(seed, authorSampler.sample(random));
    return { uniqueId: author.uniqueId, userId: author.id, secUid: author.secUid };
  });
};

/**
 * Post `index` of a tag's stream: a pure function of (seed, tag, index), so a stream of a million posts
 * needs no memory and any post can be rebuilt on its own. Fields a post lacks are present as undefined,
 * which JSON.stringify drops: conditional spreads made generation half again slower.
 */
export const buildItem = (
  seed: number,
  tag: string | undefined,
  index: number,
  vocabulary?: number,
): ItemStruct => {
  const random = new Random(mixSeed(seed, hashText(tag ?? ""), index));
  const createTime = random.chance(RATES.old)
    ? random.int(OLD_FROM, OLD_UNTIL)
    : random.int(REFERENCE_NOW - TWO_YEARS, REFERENCE_NOW - 60);
  const id = postId(createTime, tag ?? "", index);
  const { author, stats: authorStats } = authorAt(seed, authorSampler.sample(random));
  const posterName = author.nickname || author.uniqueId;

  const emptyDesc = random.chance(RATES.emptyDesc);
  const hashtags = emptyDesc
    ? tag === undefined
      ? []
      : [tag]
    : drawHashtags(random, tag, samplerFor(vocabulary));
  const text = emptyDesc
    ? { desc: "", textExtra: [] }
    : composeText(
        sentence(random),
        hashtags.map((name) => displayForm(name, random)),
        mentionsFor(random, seed),
      );
  const noTextExtra = !emptyDesc && random.chance(RATES.noTextExtra);
  // A post always keeps its tags in one of the two places, as on the real tag pages.
  const noChallenges = !noTextExtra && !emptyDesc && random.chance(RATES.noChallenges);

  const music = random.chance(RATES.noMusic) ? null : musicStruct(seed, random, posterName);
  const isGallery = random.chance(RATES.gallery);
  const gallery = isGallery ? galleryStructs(id, random, music?.duration ?? 10) : undefined;
  const isAd = random.chance(RATES.ad);
  const stats = statsFor(random);
  const partialStats = random.chance(RATES.partialStats);

  return {
    id,
    desc: text.desc,
    createTime: random.chance(RATES.stringCreateTime) ? String(createTime) : createTime,
    scheduleTime: 0,
    video: gallery?.video ?? videoStruct(id, random),
    author,
    music,
    challenges: noChallenges ? undefined : hashtags.map(challengeStruct),
    stats: partialStats ? { playCount: stats.playCount, diggCount: stats.diggCount } : stats,
    statsV2: statsV2For(stats, random.int(0, 20)),
    authorStats,
    authorStatsV2: asStrings(authorStats),
    textExtra: noTextExtra ? undefined : text.textExtra,
    imagePost: gallery?.imagePost,
    isAd,
    adAuthorization: isAd ? true : undefined,
    adLabelVersion: isAd ? 1 : undefined,
    duetEnabled: !isGallery,
    stitchEnabled: !isGallery,
    shareEnabled: true,
    isActivityItem: false,
    locationCreated: random.chance(RATES.noLocation) ? undefined : random.pick(REGIONS),
    diversificationId: random.chance(0.5) ? random.int(10_000, 10_100) : undefined,
    digged: false,
    collected: false,
    itemCommentStatus: 0,
    privateItem: false,
    secret: false,
    forFriend: false,
    officalItem: false,
    originalItem: false,
    duetDisplay: 0,
    stitchDisplay: 0,
    AIGCDescription: "",
  };
};
