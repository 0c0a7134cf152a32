import { normaliseHashtag } from "../hashtag/hashtag.ts";
import type { Post } from "../post/post.ts";
import {
  countHashtags,
  type HashtagCounts,
  type IndexedCounts,
  rankHashtags,
} from "./hashtag-frequencies.ts";
import { compareCodePoints } from "./python-format.ts";
import { inTimeRange, type TimeRange } from "./time-range.ts";

export const DEFAULT_NETWORK_TOP = 100;
export const DEFAULT_MIN_WEIGHT = 1;

export interface NetworkNode {
  hashtag: string;
  /** Posts of the analysed hashtag carrying this one (as `count` in the frequency table). */
  posts: number;
}

/** An undirected edge: `source` sorts before `target` by code point, so each pair appears once. */
export interface NetworkEdge {
  source: string;
  target: string;
  /** Posts carrying both. */
  weight: number;
}

export interface CoHashtagNetwork {
  hashtag: string;
  /** Distinct posts counted (collected for the hashtag, within the range). */
  totalPosts: number;
  /** The hashtag itself first, then by posts (ties by hashtag): the frequency table's order. */
  nodes: NetworkNode[];
  /** Heaviest first, ties by source then target. */
  edges: NetworkEdge[];
}

export interface NetworkOptions {
  /** Nodes kept, the hashtag itself included (default 100). */
  top?: number;
  /** Edges lighter than this are dropped (default 1: every co-occurrence). */
  minWeight?: number;
}

const checkOptions = ({ top = DEFAULT_NETWORK_TOP, minWeight = DEFAULT_MIN_WEIGHT }: NetworkOptions) => {
  if (!Number.isInteger(top) || top < 1)
    throw new RangeError(`top must be a whole number of at least 1, got ${top}`);
  if (!Number.isInteger(minWeight) || minWeight < 1)
    throw new RangeError(`minWeight must be a whole number of at least 1, got ${minWeight}`);
  return { top, minWeight };
};

/** The top nodes by the frequency table's rule: the hashtag itself, then the most frequent co-hashtags. */
export const networkNodes = (
  counts: HashtagCounts | IndexedCounts,
  hashtag: string,
  top = DEFAULT_NETWORK_TOP,
): NetworkNode[] =>
  rankHashtags(counts, hashtag, top).rows.map((row) => ({ hashtag: row.hashtag, posts: row.count }));

const byWeight = (a: NetworkEdge, b: NetworkEdge): number =>
  b.weight - a.weight || compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target);

/**
 * The network from node counts and pair counts computed elsewhere (the store does both in SQL): pairs between
 * kept nodes only, oriented and ordered as NetworkEdge says, at least `minWeight`.
 */
export const assembleNetwork = (
  hashtag: string,
  counts: HashtagCounts | IndexedCounts,
  pairs: Iterable<NetworkEdge>,
  options: NetworkOptions = {},
): CoHashtagNetwork => {
  const { top, minWeight } = checkOptions(options);
  const nodes = networkNodes(counts, hashtag, top);
  const kept = new Set(nodes.map((node) => node.hashtag));
  const edges: NetworkEdge[] = [];
  for (const { source, target, weight } of pairs) {
    if (source === target || weight < minWeight || !kept.has(source) || !kept.has(target)) continue;
    edges.push(
      compareCodePoints(source, target) < 0
        ? { source, target, weight }
        : { source: target, target: source, weight },
    );
  }
  return {
    hashtag: normaliseHashtag(hashtag),
    totalPosts: counts.totalPosts,
    nodes,
    edges: edges.sort(byWeight),
  };
};

/** Each pair of distinct tags among `nodes` counted once per post; tags are normalised and de-duplicated here. */
export const countPairs = (
  postTags: Iterable<readonly string[]>,
  nodes: ReadonlySet<string>,
): NetworkEdge[] => {
  const weights = new Map<string, Map<string, number>>();
  for (const tags of postTags) {
    const present = [...new Set(tags.map(normaliseHashtag))]
      .filter((tag) => nodes.has(tag))
      .sort(compareCodePoints);
    for (let i = 0; i < present.length; i++) {
      const source = present[i] as string;
      const row = weights.get(source) ?? new Map<string, number>();
      weights.set(source, row);
      for (let j = i + 1; j < present.length; j++) {
        const target = present[j] as string;
        row.set(target, (row.get(target) ?? 0) + 1);
      }
    }
  }
  const edges: NetworkEdge[] = [];
  for (const [source, row] of weights)
    for (const [target, weight] of row) edges.push({ source, target, weight });
  return edges;
};

/**
 * The co-hashtag network of the posts collected for `hashtag` (created within `range` when given): nodes are the
 * top hashtags with their post counts, edges join two hashtags used in the same post, weighted by such posts.
 * Counting rules are the frequency table's: distinct posts, each tag once per post, case-folded and NFC.
 */
export const coHashtagNetwork = (
  posts: Iterable<Pick<Post, "id" | "createTime" | "hashtags">>,
  hashtag: string,
  options: NetworkOptions & { range?: TimeRange } = {},
): CoHashtagNetwork => {
  const { top } = checkOptions(options);
  const selected: Pick<Post, "id" | "hashtags">[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    // One post per id, the first seen, as countHashtags takes it; then the range.
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    if (inTimeRange(post.createTime, options.range)) selected.push(post);
  }
  const counts = countHashtags(selected);
  const nodes = new Set(networkNodes(counts, hashtag, top).map((node) => node.hashtag));
  return assembleNetwork(
    hashtag,
    counts,
    countPairs(
      selected.map((post) => post.hashtags),
      nodes,
    ),
    options,
  );
};
