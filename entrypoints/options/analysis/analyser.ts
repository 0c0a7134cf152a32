import type { HashtagTrends } from "../../../shared/analysis/hashtag-trends.ts";
import { type ExportKind, exportSelection } from "../export/selection-export.ts";
import type { Selection } from "../selection/selection.ts";
import {
  type AnalysisRequest,
  type CountablePost,
  countHashtag,
  type DashboardPost,
  type HashtagCounts,
  listPosts,
  type PostRow,
} from "./analyse-hashtag.ts";
import {
  analyseNetwork,
  analyseTrends,
  type NetworkRequest,
  type TrendsRequest,
} from "./network-and-trends.ts";
import type { NetworkDrawing } from "./network-layout.ts";

/**
 * What the hashtag's view asks of the counting worker. `version` names the state of the mirror; posts are read
 * again when it or the hashtag changes.
 */
export interface Analyser {
  count(request: Pick<AnalysisRequest, "selection" | "n">, version: string): Promise<HashtagCounts>;
  list(request: Pick<AnalysisRequest, "selection" | "sort">, version: string): Promise<PostRow[]>;
  exportSelection(
    selection: Selection,
    kind: ExportKind,
    collectedAt: string,
    version: string,
  ): Promise<string>;
  network(request: NetworkRequest, version: string): Promise<NetworkDrawing>;
  trends(request: TrendsRequest, version: string): Promise<HashtagTrends>;
}

/** Reads a hashtag's posts from the mirror: just what counting needs, or whole posts. */
export interface PostLoader {
  countable(hashtag: string): Promise<CountablePost[]>;
  posts(hashtag: string): Promise<DashboardPost[]>;
}

/** The last hashtag's read, shared by concurrent callers and forgotten when it failed so the next call retries. */
const cacheOne = <T>(load: (hashtag: string) => Promise<T>) => {
  let cached: { key: string; value: Promise<T> } | null = null;
  return (hashtag: string, version: string): Promise<T> => {
    const key = JSON.stringify([hashtag, version]);
    if (cached?.key !== key) {
      const value = load(hashtag);
      cached = { key, value };
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
};

/**
 * Keeps the last hashtag's posts in memory, so changing n, the range, a filter or the order re-counts without
 * reading IndexedDB again.
 */
export const createAnalyser = (loader: PostLoader): Analyser => {
  const countable = cacheOne((hashtag) => loader.countable(hashtag));
  const posts = cacheOne((hashtag) => loader.posts(hashtag));
  return {
    count: async (request, version) =>
      countHashtag(await countable(request.selection.hashtag, version), request),
    list: async (request, version) => listPosts(await posts(request.selection.hashtag, version), request),
    exportSelection: async (selection, kind, collectedAt, version) =>
      exportSelection(await posts(selection.hashtag, version), selection, kind, collectedAt),
    network: async (request, version) => analyseNetwork(await countable(request.hashtag, version), request),
    trends: async (request, version) => analyseTrends(await countable(request.hashtag, version), request),
  };
};

/** A loader over posts already in memory (tests, and the benchmark's in-page check). */
export const memoryLoader = (load: (hashtag: string) => Promise<DashboardPost[]>): PostLoader => ({
  countable: load,
  posts: load,
});
