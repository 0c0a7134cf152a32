import { hashtagFromUrl } from "../../shared/hashtag/tag-page-url.ts";
import { describeShape } from "../../shared/post/describe-shape.ts";
import { UserError } from "../cli/user-error.ts";
import { postFacts } from "../store/post-facts.ts";
import { slimJson } from "../store/post-row.ts";
import type { FileFormat } from "./detect-format.ts";
import { BatchPacker } from "./pack-batch.ts";
import type { PackedBatch } from "./packed-batch.ts";
import { type OnBytes, readPosts } from "./read-posts.ts";

const BATCH_SIZE = 500;
const MAX_REJECTIONS_KEPT = 5;

/** Up to BATCH_SIZE posts of one hashtag, in file order, packed as they came. */
interface FillingBatch {
  hashtag: string;
  /** Where its first and last posts are in the file ("item 3", "line 4"), for an error about them. */
  where: string;
  last: string;
  packer: BatchPacker;
}

export interface Rejections {
  /** Records the parsers could not read as posts (e.g. no id); counted, never fatal. */
  rejected: number;
  /** The first few reasons, with where they are in the file. */
  rejections: string[];
}

export interface ImportBatchesOptions {
  format: FileFormat;
  /** The hashtag the posts were collected for; when absent, each post's Zeeschuimer tag page says. */
  hashtag?: string;
  onBytes: OnBytes;
}

/** Why a file gave no post, so a shape we cannot read never looks like a successful import. */
const whatWasFound = (format: FileFormat, found: Rejections, first: { value: unknown } | null): string => {
  if (first === null) return format === "json-array" ? "found an empty list" : "found only blank lines";
  if (found.rejected > 0) {
    const reason = found.rejections[0] ?? "";
    const all = `all ${found.rejected} record(s) were rejected (first: ${reason})`;
    // A document of no known shape is described by its rejection already.
    return reason.includes("known TikTok response") ? all : `${all}, in ${describeShape(first.value)}`;
  }
  return `found ${describeShape(first.value)}`;
};

/**
 * A file's posts in packed batches per hashtag (pack-batch.ts), each batch full (BATCH_SIZE) as soon as it is, the rest
 * at the end in the order their hashtags first appeared; returns the rejected records. Throws a UserError naming the
 * file and the place in it for a file that cannot be imported whole: bad syntax, a post whose hashtag cannot be told,
 * no post at all.
 */
export async function* importBatches(
  file: string,
  { format, hashtag, onBytes }: ImportBatchesOptions,
): AsyncGenerator<PackedBatch, Rejections> {
  const found: Rejections = { rejected: 0, rejections: [] };
  const pending = new Map<string, FillingBatch>();
  const take = ({ hashtag, where, last, packer }: FillingBatch): PackedBatch => {
    pending.delete(hashtag);
    return packer.finish(hashtag, where === last ? where : `${where} to ${last}`);
  };
  let posts = 0;
  let first: { value: unknown } | null = null;
  for await (const { results, where, value, text } of readPosts(file, format, onBytes)) {
    first ??= { value };
    for (const result of results) {
      if (!result.ok) {
        found.rejected++;
        if (found.rejections.length < MAX_REJECTIONS_KEPT)
          found.rejections.push(`${where}: ${result.reason}`);
        continue;
      }
      const { post } = result;
      const tag = hashtag ?? hashtagFromUrl(post.source.url);
      if (tag === null)
        throw new UserError(
          `${file} ${where}: cannot tell which hashtag post ${post.id} was collected for; pass --hashtag <hashtag>`,
        );
      posts++;
      let batch = pending.get(tag);
      if (batch === undefined) {
        batch = { hashtag: tag, where, last: where, packer: new BatchPacker() };
        pending.set(tag, batch);
      }
      batch.last = where;
      const raw = post.raw === value && text !== undefined ? text : JSON.stringify(post.raw ?? null);
      const facts = postFacts(post);
      const json = slimJson(post);
      try {
        batch.packer.add(facts, raw, json);
      } catch (error) {
        throw new UserError(
          `${file} ${where}: the import thread failed to pack it: ${(error as Error).message}; nothing was imported from this file`,
        );
      }
      if (batch.packer.size >= BATCH_SIZE) yield take(batch);
    }
  }
  if (posts === 0)
    throw new UserError(`${file}: no post could be read; ${whatWasFound(format, found, first)}`);
  for (const batch of [...pending.values()]) yield take(batch);
  return found;
}
