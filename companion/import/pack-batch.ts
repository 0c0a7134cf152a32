import { createRequire } from "node:module";
import {
  ZSTD_BINDING_PATH,
  ZSTD_DICTIONARIES,
  ZSTD_LEVEL,
  ZSTD_POST_V1,
  ZSTD_RAW_V2,
} from "../store/raw-codec.ts";
import type { FilledBatch } from "./import-batches.ts";
import type { FactsTuple, PackedBatch } from "./packed-batch.ts";

// The native binding raw-codec.ts loads, by its path, so the bundle and the sources load the same module.
const zstd = createRequire(import.meta.url)(ZSTD_BINDING_PATH) as typeof import("zstd-napi/binding");

// One context and one digested dictionary per codec for the thread's whole life, made the way raw-codec.ts makes
// its own (same level, same dictionary text), so the frames are byte for byte packRaw's and packPostJson's.
const cctx = new zstd.CCtx();
const cdicts = new Map(
  [ZSTD_RAW_V2, ZSTD_POST_V1].map((codec) => [
    codec,
    new zstd.CDict(Buffer.from(ZSTD_DICTIONARIES[codec]!, "utf8"), ZSTD_LEVEL),
  ]),
);

// Each text is encoded into this reused buffer, then compressed straight into the batch's output buffer: no
// buffer per post on either side.
let input = Buffer.allocUnsafe(256 * 1024);

/** Packs a batch's texts (raw-codec.ts's blobs, each its codec byte then a zstd frame) into one buffer. */
export const packBatch = (batch: FilledBatch): PackedBatch => {
  const texts = [...batch.raws, ...batch.jsons];
  const lengths = texts.map((text) => Buffer.byteLength(text, "utf8"));
  let bound = 0;
  for (const length of lengths) bound += 1 + zstd.compressBound(length);
  const bytes = Buffer.allocUnsafeSlow(bound);
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((text, i) => {
    const length = lengths[i]!;
    if (input.length < length) input = Buffer.allocUnsafe(length);
    input.write(text, 0, length, "utf8");
    const codec = i < batch.raws.length ? ZSTD_RAW_V2 : ZSTD_POST_V1;
    bytes[at] = codec;
    at += 1 + cctx.compressUsingCDict(bytes.subarray(at + 1), input.subarray(0, length), cdicts.get(codec)!);
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
