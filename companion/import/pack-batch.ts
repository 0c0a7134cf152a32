import type { PostFacts } from "../store/post-facts.ts";
import { packedBound, packInto, ZSTD_POST_V1, ZSTD_RAW_V2 } from "../store/raw-codec.ts";
import type { PackedBatch } from "./packed-batch.ts";

// Each text is encoded into this reused buffer, then compressed straight into the batch's buffer: no buffer per post.
let input = Buffer.allocUnsafe(256 * 1024);

/** A batch's buffer starts this small (a file may have many hashtags, each with a batch filling) and doubles. */
const FIRST_BYTES = 16 * 1024;

/** A text's UTF-8 bytes in `input`, which grows when the text may not fit (a UTF-16 unit is at most 3 bytes). */
const encode = (text: string): Buffer => {
  if (text.length * 3 > input.length) {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > input.length) input = Buffer.allocUnsafe(bytes);
  }
  return input.subarray(0, input.write(text, "utf8"));
};

/**
 * A batch packed as its posts come: each post's raw and Post texts are compressed as soon as the post is read, so
 * a text dies young with its post. Holding a batch's texts until it was full (500 posts, ~2.5 MB of scraper items)
 * made them survive the reading thread's young generation (16 MB), and copying them there was a good part of its
 * garbage collection.
 */
export class BatchPacker {
  #bytes = Buffer.allocUnsafeSlow(FIRST_BYTES);
  #at = 0;
  #ends: number[] = [];
  #facts: unknown[] = [];

  /** How many posts it holds. */
  get size(): number {
    return this.#facts.length;
  }

  /** Adds a post: its facts, its raw text (packRaw's blob) and its slimJson text (packSlimJson's). */
  add({ id, createTime, observedAt, tags, stats }: PostFacts, raw: string, json: string): void {
    this.#pack(ZSTD_RAW_V2, encode(raw));
    this.#pack(ZSTD_POST_V1, encode(json));
    this.#facts.push([
      id,
      createTime,
      observedAt,
      tags,
      stats.plays,
      stats.likes,
      stats.shares,
      stats.comments,
      stats.saves,
    ]);
  }

  #pack(codec: number, text: Buffer): void {
    const need = this.#at + packedBound(text.length);
    if (need > this.#bytes.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.#bytes.length * 2));
      this.#bytes.copy(bigger, 0, 0, this.#at);
      this.#bytes = bigger;
    }
    this.#at = packInto(codec, text, this.#bytes, this.#at);
    this.#ends.push(this.#at);
  }

  /** The batch as it crosses to the importing thread; the packer is not used after. */
  finish(hashtag: string, where: string): PackedBatch {
    // The buffer goes over whole (its tail past the last end unused), so nothing is copied.
    return {
      hashtag,
      where,
      facts: JSON.stringify(this.#facts),
      bytes: this.#bytes.buffer as ArrayBuffer,
      ends: Uint32Array.from(this.#ends),
    };
  }
}
