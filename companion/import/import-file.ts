import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Progress } from "../cli/progress.ts";
import type { CompanionStore } from "../store/post-store.ts";
import type { FileFormat } from "./detect-format.ts";
import { readInThread } from "./read-in-thread.ts";

export interface ImportSummary {
  file: string;
  format: FileFormat | "seed-videos";
  /** The hashtags the file's posts were linked to. */
  hashtags: string[];
  new: number;
  seen: number;
  /** Posts newly linked to a hashtag (new ones and stored ones seen for that hashtag the first time). */
  linked: number;
  /** Records the parsers could not read as posts (e.g. no id); counted, never fatal. */
  rejected: number;
  /** The first few reasons, with where they are in the file. */
  rejections: string[];
  videos: number;
}

export const emptySummary = (file: string, format: ImportSummary["format"]): ImportSummary => ({
  file,
  format,
  hashtags: [],
  new: 0,
  seen: 0,
  linked: 0,
  rejected: 0,
  rejections: [],
  videos: 0,
});

export interface ImportFileOptions {
  format: FileFormat;
  /** The hashtag the posts were collected for; when absent, each post's Zeeschuimer tag page says. */
  hashtag?: string;
  progress: Progress;
}

/**
 * Imports one posts file in one transaction: a truncated or corrupt file, or a post whose hashtag cannot be
 * told, changes nothing and the error names the file and the place in it. Another thread reads, parses and packs
 * the posts (read-in-thread.ts); this one writes each batch as it comes, with one run recorded per hashtag.
 */
export const importFile = async (
  store: CompanionStore,
  file: string,
  options: ImportFileOptions,
): Promise<ImportSummary> => {
  const summary = emptySummary(file, options.format);
  // Without a collection time in the records, the file's own time is the best guess, and it keeps a re-import
  // of the same file from looking like a new observation.
  const seenAt = (await stat(file)).mtime.toISOString();
  const onBytes = (bytes: number) => options.progress.increment(bytes, `${summary.new + summary.seen} posts`);
  await store.atomicallyInBulk(async () => {
    const runs = new Map<string, { id: number; new: number; seen: number }>();
    const batches = readInThread({ file, format: options.format, hashtag: options.hashtag }, onBytes);
    try {
      let next = await batches.next();
      for (; !next.done; next = await batches.next()) {
        const { hashtag, posts } = next.value;
        let run = runs.get(hashtag);
        if (!run) {
          run = { id: store.startRun(hashtag, `import ${basename(file)}`), new: 0, seen: 0 };
          runs.set(hashtag, run);
          summary.hashtags.push(hashtag);
        }
        const result = store.upsertPackedPosts(hashtag, posts, { runId: run.id, seenAt });
        run.new += result.new;
        run.seen += result.seen;
        summary.new += result.new;
        summary.seen += result.seen;
        summary.linked += result.linked ?? 0;
      }
      summary.rejected = next.value.rejected;
      summary.rejections = next.value.rejections;
    } finally {
      await batches.return({ rejected: 0, rejections: [] });
    }
    for (const run of runs.values()) store.finishRun(run.id, { postsNew: run.new, postsSeen: run.seen });
    options.progress.increment(0, `${summary.new + summary.seen} posts`);
  });
  return summary;
};
