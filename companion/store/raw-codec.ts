import { constants, deflateRawSync, inflateRawSync } from "node:zlib";
import { RAW_DICTIONARY_V1 } from "./raw-dictionary.ts";

/** The first byte of a stored raw says how the rest is encoded, so a later codec can sit beside this one. */
export const DEFLATE_DICTIONARY_V1 = 1;
const dictionary = Buffer.from(RAW_DICTIONARY_V1, "utf8");

/**
 * A raw post's JSON text as stored: deflated against a dictionary of typical posts (about a seventh of the
 * text for an ItemStruct). The fastest level: a higher one saves ~10% more and costs the import more than that.
 * A 16 KB window holds the dictionary and a post, and a small hash table is all a few KB need: each call sets
 * up a fresh compressor, and clearing the default 64 KB table cost more than compressing a 1.5 KB post (a fifth
 * less time per post, the same size). The stream is plain raw deflate, read back with the default window.
 */
export const DEFLATE_OPTIONS = { level: constants.Z_BEST_SPEED, windowBits: 14, memLevel: 4, dictionary };

export const packRaw = (text: string): Buffer => {
  const packed = deflateRawSync(text, DEFLATE_OPTIONS);
  const blob = Buffer.allocUnsafe(packed.length + 1);
  blob[0] = DEFLATE_DICTIONARY_V1;
  packed.copy(blob, 1);
  return blob;
};

/** The JSON text packRaw was given. */
export const unpackRaw = (blob: Uint8Array): string => {
  if (blob[0] !== DEFLATE_DICTIONARY_V1)
    throw new Error(`A stored raw post has codec ${blob[0]}, which this version cannot read; update it`);
  return inflateRawSync(blob.subarray(1), { dictionary }).toString("utf8");
};
