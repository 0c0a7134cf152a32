import type { PackedPost } from "../store/post-store.ts";

/**
 * A batch as it crosses from the import's reading thread to the one writing it: its blobs in one buffer that is
 * transferred, not copied, and what the upsert needs of each post as one JSON text (a string is copied in one
 * piece, where a structured clone of 500 objects would walk each).
 */
export interface PackedBatch {
  hashtag: string;
  /** Where its posts are in the file, for an error about them. */
  where: string;
  /** Each post's PostFacts as a tuple: [id, createTime, observedAt, tags, plays, likes, shares, comments, saves]. */
  facts: string;
  /** Each post's packRaw blob of its raw text, then its packSlimJson blob of its slimJson text, back to back. */
  bytes: ArrayBuffer;
  /** Where each blob in `bytes` ends (a post's raw at 2i, its Post at 2i + 1). */
  ends: Uint32Array;
}

export type FactsTuple = [
  string,
  number | null,
  string | null,
  string[],
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/** The posts of a packed batch, their blobs views into its buffer. */
export const unpackBatch = (batch: PackedBatch): PackedPost[] => {
  const facts = JSON.parse(batch.facts) as FactsTuple[];
  const blob = (i: number): Buffer => {
    const start = i === 0 ? 0 : batch.ends[i - 1]!;
    return Buffer.from(batch.bytes, start, batch.ends[i]! - start);
  };
  return facts.map(([id, createTime, observedAt, tags, plays, likes, shares, comments, saves], i) => ({
    id,
    createTime,
    observedAt,
    tags,
    stats: { plays, likes, shares, comments, saves },
    raw: blob(2 * i),
    json: blob(2 * i + 1),
  }));
};
