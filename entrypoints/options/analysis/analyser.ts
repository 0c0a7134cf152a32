import { type ExportKind, exportSelection } from "../export/selection-export.ts";
import type { Selection } from "../selection/selection.ts";
import {
  type AnalysisRequest,
  analyseHashtag,
  type DashboardPost,
  type HashtagAnalysis,
} from "./analyse-hashtag.ts";

/** What the hashtag's view asks of the counting worker. */
export interface Analyser {
  /** `version` names the state of the mirror; posts are read again when it or the hashtag changes. */
  analyse(request: AnalysisRequest, version: string): Promise<HashtagAnalysis>;
  exportSelection(
    selection: Selection,
    kind: ExportKind,
    collectedAt: string,
    version: string,
  ): Promise<string>;
}

export type LoadPosts = (hashtag: string) => Promise<DashboardPost[]>;

/**
 * Keeps the last hashtag's posts in memory, so changing n, the range, a filter or the order re-counts without
 * reading IndexedDB again. Concurrent calls for the same posts share one read.
 */
export const createAnalyser = (load: LoadPosts): Analyser => {
  let cached: { key: string; posts: Promise<DashboardPost[]> } | null = null;
  const postsOf = (hashtag: string, version: string): Promise<DashboardPost[]> => {
    const key = JSON.stringify([hashtag, version]);
    if (cached?.key !== key) {
      const posts = load(hashtag);
      cached = { key, posts };
      // A failed read is not remembered: the next call tries again.
      posts.catch(() => {
        if (cached?.posts === posts) cached = null;
      });
    }
    return cached.posts;
  };
  return {
    analyse: async (request, version) =>
      analyseHashtag(await postsOf(request.selection.hashtag, version), request),
    exportSelection: async (selection, kind, collectedAt, version) =>
      exportSelection(await postsOf(selection.hashtag, version), selection, kind, collectedAt),
  };
};
