import pLimit from "p-limit";
import type { Post } from "../../shared/post/post.ts";
import { CollectionError } from "../collectors/collector.ts";
import { downloadPost, type MediaOutcome, type PostDownloadOptions } from "./download-post.ts";

export type { MediaOutcome } from "./download-post.ts";

export interface MediaDownloadOptions extends PostDownloadOptions {
  /** Posts downloaded at the same time (the CLI's --concurrency). */
  concurrency: number;
  /** Called once per post, whatever happened to it. */
  onPost?: (outcome: MediaOutcome) => void;
}

export interface MediaDownloadSummary {
  /** Posts whose media was fetched (or found complete on disk) and recorded in this run. */
  downloaded: number;
  /** Posts already recorded with their file in place. */
  skipped: number;
  failed: { postId: string; reason: string }[];
  bytes: number;
  /** Set when being rate-limited stopped the remaining posts: the caller should start no more downloads. */
  stoppedBy: CollectionError | null;
}

export const emptyMediaSummary = (): MediaDownloadSummary => ({
  downloaded: 0,
  skipped: 0,
  failed: [],
  bytes: 0,
  stoppedBy: null,
});

/**
 * Downloads the media of every stored post of a hashtag that has none yet, a few at a time. One post's
 * failure is reported and the others go on; being rate-limited or challenged stops the rest.
 */
export const downloadMedia = async (
  posts: readonly Post[],
  options: MediaDownloadOptions,
): Promise<MediaDownloadSummary> => {
  const limit = pLimit(Math.max(1, options.concurrency));
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const summary = emptyMediaSummary();

  const one = async (post: Post) => {
    if (signal.aborted) return;
    let outcome: MediaOutcome;
    try {
      outcome = await downloadPost(post, { ...options, signal });
    } catch (error) {
      if (signal.aborted && !(error instanceof CollectionError)) return;
      if (error instanceof CollectionError && error.kind === "rate-limited") {
        summary.stoppedBy ??= error;
        stop.abort(error);
      }
      outcome = { postId: post.id, status: "failed", reason: (error as Error).message };
    }
    if (outcome.status === "downloaded") {
      summary.downloaded += 1;
      summary.bytes += outcome.bytes;
    } else if (outcome.status === "skipped") summary.skipped += 1;
    else summary.failed.push({ postId: outcome.postId, reason: outcome.reason });
    options.onPost?.(outcome);
  };

  await Promise.all(posts.map((post) => limit(() => one(post))));
  return summary;
};
