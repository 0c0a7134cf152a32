import type { Progress } from "../cli/progress.ts";
import { CollectionError, type Collector } from "../collectors/collector.ts";
import type { PostStore } from "../store/post-store.ts";
import { batches } from "./batches.ts";

export interface HashtagCollection {
  hashtag: string;
  /** Posts the source yielded this run. */
  collected: number;
  new: number;
  seen: number;
  /** Posts stored for the hashtag after the run. */
  total: number;
  error: CollectionError | null;
}

export interface CollectHashtagOptions {
  store: PostStore;
  collector: Collector;
  hashtag: string;
  limit: number | null;
  since: number | null;
  proxy?: string | null;
  signal?: AbortSignal;
  progress: Progress;
  /** Posts per store transaction: a crash loses at most this many. */
  batchSize: number;
}

const STOPPED = "interrupted before the end";

/**
 * One collection run of one hashtag, recorded as a run in the store. Posts are stored batch by batch as the
 * source yields them, so an error or a crash keeps everything before it. A CollectionError is recorded and
 * returned; anything else (a stop request, a missing browser, a full disk) is recorded and thrown.
 */
export const collectHashtag = async (options: CollectHashtagOptions): Promise<HashtagCollection> => {
  const { store, collector, hashtag, progress } = options;
  const result: HashtagCollection = { hashtag, collected: 0, new: 0, seen: 0, total: 0, error: null };
  const runId = store.startRun(hashtag, collector.name);
  let failure: unknown = null;
  try {
    const stream = collector.collect(hashtag, {
      limit: options.limit,
      since: options.since,
      proxy: options.proxy,
      signal: options.signal,
    });
    for await (const batch of batches(stream, options.batchSize)) {
      const summary = store.upsertPosts(hashtag, batch, { runId });
      result.collected += batch.length;
      result.new += summary.new;
      result.seen += summary.seen;
      progress.increment(batch.length, `(${result.new} new)`);
    }
  } catch (error) {
    failure = error;
    if (error instanceof CollectionError) result.error = error;
  } finally {
    const message =
      failure === null
        ? null
        : options.signal?.aborted
          ? STOPPED
          : failure instanceof Error
            ? failure.message
            : String(failure);
    store.finishRun(runId, { postsNew: result.new, postsSeen: result.seen, error: message });
  }
  if (failure !== null && result.error === null) throw failure;
  result.total = store.countPosts(hashtag);
  return result;
};
