import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { hashtagFromUrl } from "../../shared/hashtag/tag-page-url.ts";
import { describeShape } from "../../shared/post/describe-shape.ts";
import type { Post } from "../../shared/post/post.ts";
import type { Progress } from "../cli/progress.ts";
import { UserError } from "../cli/user-error.ts";
import { slimJson } from "../store/post-row.ts";
import type { CompanionStore } from "../store/post-store.ts";
import type { FileFormat } from "./detect-format.ts";
import { type RawPacker, rawPackerThread } from "./pack-raw-in-thread.ts";
import { readPosts } from "./read-posts.ts";

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

const BATCH_SIZE = 500;
const MAX_REJECTIONS_KEPT = 5;

interface Batch {
  hashtag: string;
  posts: Post[];
  /** Where each post is in the file, for an error about it. */
  wheres: string[];
  /** The posts' raw blobs, then their Posts' json column blobs, in order. */
  packing: Promise<[Buffer[], Buffer[]]>;
}

/**
 * Upserts a file's posts in batches per hashtag, with one run recorded per hashtag. Everything happens inside
 * the caller's transaction, so the file is stored whole or not at all.
 *
 * Pipelined over two threads: a full batch's raw texts and Posts' slimJson texts go to the packing thread, and the
 * batch before it is written while they pack; so this thread parses batch k + 1 and writes batch k - 1 while the
 * other packs batch k. At most two batches wait besides the one filling, which keeps memory flat; batches are written in
 * the order they filled.
 */
class BatchWriter {
  private readonly pending = new Map<
    string,
    { posts: Post[]; texts: string[]; jsons: string[]; wheres: string[] }
  >();
  private readonly queue: Batch[] = [];
  private readonly runs = new Map<string, { id: number; new: number; seen: number }>();

  constructor(
    private readonly store: CompanionStore,
    private readonly packer: RawPacker,
    private readonly summary: ImportSummary,
    private readonly seenAt: string,
  ) {}

  /** `rawText`: the post's raw as the file wrote it (the whole element or line), stored as is. */
  add(hashtag: string, post: Post, rawText: string | undefined, where: string): Promise<void> | undefined {
    let batch = this.pending.get(hashtag);
    if (batch === undefined) {
      batch = { posts: [], texts: [], jsons: [], wheres: [] };
      this.pending.set(hashtag, batch);
    }
    batch.texts.push(rawText ?? JSON.stringify(post.raw ?? null));
    // Its raw is packed from the text: without the parsed tree, a waiting batch holds a fraction of the heap.
    const slim = { ...post, raw: null };
    batch.posts.push(slim);
    batch.jsons.push(slimJson(slim));
    batch.wheres.push(where);
    return batch.posts.length >= BATCH_SIZE ? this.flush(hashtag) : undefined;
  }

  private async flush(hashtag: string): Promise<void> {
    const batch = this.pending.get(hashtag);
    if (batch === undefined || batch.posts.length === 0) return;
    this.pending.delete(hashtag);
    const packing = Promise.all([this.packer.pack(batch.texts), this.packer.packPostJsons(batch.jsons)]);
    // Not awaited until its turn: a failure before then must not surface as an unhandled rejection.
    packing.catch(() => {});
    this.queue.push({ hashtag, posts: batch.posts, wheres: batch.wheres, packing });
    while (this.queue.length > 1) await this.write(this.queue.shift()!);
  }

  private async write({ hashtag, posts, wheres, packing }: Batch): Promise<void> {
    let blobs: Buffer[];
    let jsons: Buffer[];
    try {
      [blobs, jsons] = await packing;
    } catch (error) {
      const where = wheres.length === 1 ? wheres[0] : `${wheres[0]} to ${wheres.at(-1)}`;
      throw new UserError(
        `${this.summary.file} ${where}: ${(error as Error).message}; nothing was imported from this file`,
      );
    }
    let run = this.runs.get(hashtag);
    if (!run) {
      run = { id: this.store.startRun(hashtag, `import ${basename(this.summary.file)}`), new: 0, seen: 0 };
      this.runs.set(hashtag, run);
      this.summary.hashtags.push(hashtag);
    }
    const packedRaws = new Map(posts.map((post, i) => [post, blobs[i]!]));
    const packedJsons = new Map(posts.map((post, i) => [post, jsons[i]!]));
    const result = this.store.upsertPosts(hashtag, posts, {
      runId: run.id,
      seenAt: this.seenAt,
      packedRaws,
      packedJsons,
    });
    run.new += result.new;
    run.seen += result.seen;
    this.summary.new += result.new;
    this.summary.seen += result.seen;
    this.summary.linked += result.linked ?? 0;
  }

  async finish(): Promise<void> {
    for (const hashtag of [...this.pending.keys()]) await this.flush(hashtag);
    while (this.queue.length > 0) await this.write(this.queue.shift()!);
    for (const run of this.runs.values())
      this.store.finishRun(run.id, { postsNew: run.new, postsSeen: run.seen });
  }
}

/** Why a file gave no post, so a shape we cannot read never looks like a successful import. */
const whatWasFound = (summary: ImportSummary, first: { value: unknown } | null): string => {
  if (first === null)
    return summary.format === "json-array" ? "found an empty list" : "found only blank lines";
  if (summary.rejected > 0) {
    const reason = summary.rejections[0] ?? "";
    const all = `all ${summary.rejected} record(s) were rejected (first: ${reason})`;
    // A document of no known shape is described by its rejection already.
    return reason.includes("known TikTok response") ? all : `${all}, in ${describeShape(first.value)}`;
  }
  return `found ${describeShape(first.value)}`;
};

export interface ImportFileOptions {
  format: FileFormat;
  /** The hashtag the posts were collected for; when absent, each post's Zeeschuimer tag page says. */
  hashtag?: string;
  progress: Progress;
}

/**
 * Imports one posts file in one transaction: a truncated or corrupt file, or a post whose hashtag cannot be
 * told, changes nothing and the error names the file and the place in it.
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
  const packer = rawPackerThread();
  try {
    await store.atomicallyInBulk(async () => {
      const writer = new BatchWriter(store, packer, summary, seenAt);
      const onBytes = (bytes: number) =>
        options.progress.increment(bytes, `${summary.new + summary.seen} posts`);
      let posts = 0;
      let firstValue: { value: unknown } | null = null;
      for await (const { results, where, value, text } of readPosts(file, options.format, onBytes)) {
        firstValue ??= { value };
        for (const result of results) {
          if (!result.ok) {
            summary.rejected++;
            if (summary.rejections.length < MAX_REJECTIONS_KEPT)
              summary.rejections.push(`${where}: ${result.reason}`);
            continue;
          }
          const hashtag = options.hashtag ?? hashtagFromUrl(result.post.source.url);
          if (hashtag === null)
            throw new UserError(
              `${file} ${where}: cannot tell which hashtag post ${result.post.id} was collected for; pass --hashtag <hashtag>`,
            );
          posts++;
          const flushing = writer.add(
            hashtag,
            result.post,
            result.post.raw === value ? text : undefined,
            where,
          );
          if (flushing !== undefined) await flushing;
        }
      }
      if (posts === 0)
        throw new UserError(`${file}: no post could be read; ${whatWasFound(summary, firstValue)}`);
      await writer.finish();
      options.progress.increment(0, `${summary.new + summary.seen} posts`);
    });
  } finally {
    await packer.close();
  }
  return summary;
};
