import { hashtagFromUrl } from "../../shared/hashtag/tag-page-url.ts";
import { describeShape } from "../../shared/post/describe-shape.ts";
import { UserError } from "../cli/user-error.ts";
import { type PostFacts, postFacts } from "../store/post-facts.ts";
import { slimJson } from "../store/post-row.ts";
import type { FileFormat } from "./detect-format.ts";
import { type OnBytes, readPosts } from "./read-posts.ts";

const BATCH_SIZE = 500;
const MAX_REJECTIONS_KEPT = 5;

/** Up to BATCH_SIZE posts of one hashtag, in file order, with their texts to pack. */
export interface FilledBatch {
  hashtag: string;
  /** Where its posts are in the file ("item 3", "line 4 to line 900"), for an error about them. */
  where: string;
  facts: PostFacts[];
  /** Each post's raw as the file wrote it (the whole element or line, stored as is), else as JSON. */
  raws: string[];
  /** Each post's slimJson (post-row.ts). */
  jsons: string[];
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
 * A file's posts in batches per hashtag, each batch full (BATCH_SIZE) as soon as it is, the rest at the end in
 * the order their hashtags first appeared; returns the rejected records. Throws a UserError naming the file and
 * the place in it for a file that cannot be imported whole: bad syntax, a post whose hashtag cannot be told, no
 * post at all.
 */
export async function* importBatches(
  file: string,
  { format, hashtag, onBytes }: ImportBatchesOptions,
): AsyncGenerator<FilledBatch, Rejections> {
  const found: Rejections = { rejected: 0, rejections: [] };
  const pending = new Map<string, FilledBatch & { last: string }>();
  const take = (batch: FilledBatch & { last: string }): FilledBatch => {
    pending.delete(batch.hashtag);
    const { last, ...filled } = batch;
    return filled.where === last ? filled : { ...filled, where: `${filled.where} to ${last}` };
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
        batch = { hashtag: tag, where, last: where, facts: [], raws: [], jsons: [] };
        pending.set(tag, batch);
      }
      batch.last = where;
      batch.facts.push(postFacts(post));
      batch.raws.push(post.raw === value && text !== undefined ? text : JSON.stringify(post.raw ?? null));
      batch.jsons.push(slimJson(post));
      if (batch.facts.length >= BATCH_SIZE) yield take(batch);
    }
  }
  if (posts === 0)
    throw new UserError(`${file}: no post could be read; ${whatWasFound(format, found, first)}`);
  for (const batch of [...pending.values()]) yield take(batch);
  return found;
}
