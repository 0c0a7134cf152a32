import { normaliseHashtag } from "../hashtag/hashtag.ts";
import type { Post } from "../post/post.ts";
import { compareCodePoints } from "./python-format.ts";

/** The seed's default for `n`: the table shows this many rows, the hashtag itself included. */
export const DEFAULT_TOP_N = 20;

export interface HashtagCounts {
  /** Distinct posts counted. */
  totalPosts: number;
  /** Hashtag -> number of those posts carrying it (each post counted once per hashtag). */
  counts: ReadonlyMap<string, number>;
}

export interface FrequencyRow {
  /** 0 is the analysed hashtag itself, then 1, 2, ... by descending count. */
  rank: number;
  hashtag: string;
  count: number;
  /** count / totalPosts. */
  ratio: number;
}

export interface FrequencyTable {
  hashtag: string;
  totalPosts: number;
  rows: FrequencyRow[];
}

/** Counts each hashtag once per post, case-folded and NFC, over distinct posts. */
export const countHashtags = (posts: Iterable<Pick<Post, "id" | "hashtags">>): HashtagCounts => {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    for (const tag of new Set(post.hashtags.map(normaliseHashtag))) {
      if (tag !== "") counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return { totalPosts: seen.size, counts };
};

/**
 * Counts whose tags are named only when asked for, by index: the store sums its counts by tag number, and naming
 * the 50,000 tags of a long tail cost more than counting them while a table shows 20 (naming was ~48 ms of 0.4 s).
 */
export interface IndexedCounts {
  /** Distinct posts counted. */
  totalPosts: number;
  /** Each counted tag's count, the tag known by its index here. */
  countsByIndex: ArrayLike<number>;
  /** The tags at these indexes, in the same order. */
  tagsAt(indexes: readonly number[]): string[];
  /** The index of `tag` in countsByIndex, -1 when it was not counted. */
  indexOf(tag: string): number;
}

/** The counts of a map as IndexedCounts, so one ranking serves both. */
export const indexCounts = ({ totalPosts, counts }: HashtagCounts): IndexedCounts => {
  const tags = [...counts.keys()];
  return {
    totalPosts,
    countsByIndex: [...counts.values()],
    tagsAt: (indexes) => indexes.map((index) => tags[index]!),
    indexOf: (tag) => tags.indexOf(tag),
  };
};

/**
 * The indexes of the tags that can be shown: every one (other than `skip`) with at least the `keep`-th largest count.
 * With tens of thousands of rare hashtags, most of them tied, sorting them all by name cost far more than the query
 * (about 0.1 s of 0.4 s at 50k), and even a numeric sort of all the counts took 5-10 ms at 50k. One pass keeps a
 * heap of the `keep` largest counts so far and every index at or above its smallest then: the smallest only grows,
 * so each index shown is among them, and the few others are left out at the end.
 */
const indexesShown = (counts: ArrayLike<number>, skip: number, keep: number): number[] => {
  if (keep === 0) return [];
  // A min-heap: heap[0] is the smallest of the largest so far.
  const heap = new Float64Array(keep);
  let size = 0;
  const candidates: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (i === skip) continue;
    const count = counts[i]!;
    if (size < keep) {
      candidates.push(i);
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= count) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = count;
    } else if (count >= heap[0]!) {
      candidates.push(i);
      if (count === heap[0]) continue;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= keep) break;
        const child = left + 1 < keep && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= count) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = count;
    }
  }
  if (size < keep) return candidates;
  const floor = heap[0]!;
  return candidates.filter((i) => counts[i]! >= floor);
};

/**
 * The top `n` rows: the hashtag itself at rank 0 (as in the seed, where it is always the most common), then the
 * co-occurring hashtags by count, ties broken by hashtag so the order never depends on input order. Only the tags
 * at or above the last count shown are named: the store's counts are IndexedCounts as well as HashtagCounts
 * (companion/store/numbered-counts.ts), so they are ranked by index; a map is indexed here first.
 */
export const rankHashtags = (
  given: HashtagCounts | IndexedCounts,
  hashtag: string,
  n: number = DEFAULT_TOP_N,
): FrequencyTable => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number of at least 1, got ${n}`);
  const counts = "tagsAt" in given ? given : indexCounts(given);
  const { countsByIndex, totalPosts } = counts;
  const self = normaliseHashtag(hashtag);
  const ratio = (count: number) => (totalPosts === 0 ? 0 : count / totalPosts);
  const selfIndex = counts.indexOf(self);
  const shown = indexesShown(countsByIndex, selfIndex, n - 1);
  const tags = counts.tagsAt(shown);
  const others = shown
    .map((index, i) => [tags[i]!, countsByIndex[index]!] as const)
    .sort(([tagA, countA], [tagB, countB]) => countB - countA || compareCodePoints(tagA, tagB))
    .slice(0, n - 1);
  const selfCount = selfIndex === -1 ? 0 : countsByIndex[selfIndex]!;
  const rows = [[self, selfCount] as const, ...others].map(([tag, count], rank) => ({
    rank,
    hashtag: tag,
    count,
    ratio: ratio(count),
  }));
  return { hashtag: self, totalPosts, rows };
};

/** The frequency table of the hashtags co-occurring with `hashtag` in `posts`. */
export const hashtagFrequencies = (
  posts: Iterable<Pick<Post, "id" | "hashtags">>,
  hashtag: string,
  n: number = DEFAULT_TOP_N,
): FrequencyTable => rankHashtags(countHashtags(posts), hashtag, n);
