import { packedBound, packInto, ZSTD_POST_V1, ZSTD_RAW_V2 } from "../store/raw-codec.ts";
import type { FilledBatch } from "./import-batches.ts";
import type { FactsTuple, PackedBatch } from "./packed-batch.ts";

// Each text is encoded into this reused buffer, then compressed straight into the batch's output buffer: no
// buffer per post on either side.
let input = Buffer.allocUnsafe(256 * 1024);

/** Packs a batch's texts into one buffer: packRaw's blob of each raw, then packPostJson's of each Post. */
export const packBatch = (batch: FilledBatch): PackedBatch => {
  const texts = [...batch.raws, ...batch.jsons];
  const lengths = texts.map((text) => Buffer.byteLength(text, "utf8"));
  let bound = 0;
  for (const length of lengths) bound += packedBound(length);
  const bytes = Buffer.allocUnsafeSlow(bound);
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((text, i) => {
    const length = lengths[i]!;
    if (input.length < length) input = Buffer.allocUnsafe(length);
    input.write(text, 0, length, "utf8");
    at = packInto(i < batch.raws.length ? ZSTD_RAW_V2 : ZSTD_POST_V1, input.subarray(0, length), bytes, at);
    ends[i] = at;
  });
  const facts = batch.facts.map(
    ({ id, createTime, observedAt, tags, stats }): FactsTuple => [
      id,
      createTime,
      observedAt,
      tags,
      stats.plays,
      stats.likes,
      stats.shares,
      stats.comments,
      stats.saves,
    ],
  );
  // The buffer goes over whole (its tail past the last end unused), so nothing is copied.
  return {
    hashtag: batch.hashtag,
    where: batch.where,
    facts: JSON.stringify(facts),
    bytes: bytes.buffer,
    ends,
  };
};
