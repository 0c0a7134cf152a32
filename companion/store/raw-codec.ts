import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";
import { POST_DICTIONARY_V1 } from "./post-dictionary.ts";
import { RAW_DICTIONARY_V1, RAW_DICTIONARY_V2 } from "./raw-dictionary.ts";

// zstd-napi's low-level binding: a compression context kept for the process (one per thread: the import's reading
// thread packs with this module too), where node:zlib's sync calls set up and tear down a compressor per call (most
// of a small post's cost).
const zstd = createRequire(import.meta.url)("zstd-napi/binding") as typeof import("zstd-napi/binding");

/**
 * The first byte of a stored blob says how the rest is encoded:
 * 1: raw deflate against RAW_DICTIONARY_V1 (raw posts stored before codec 2; read only),
 * 2: a zstd frame against RAW_DICTIONARY_V2 (raw posts),
 * 3: a zstd frame against POST_DICTIONARY_V1 (the Post without raw: the json column).
 */
export const DEFLATE_DICTIONARY_V1 = 1;
export const ZSTD_RAW_V2 = 2;
export const ZSTD_POST_V1 = 3;

/**
 * How zstd packs: level -1, the first of the fast levels, with the dictionary digested once into a CDict, zstd's way
 * for a dictionary used for many small inputs (against compress2 with a loaded dictionary: the same bytes, as fast or
 * faster). Against level 1 it packs a post in about half the time (20k of each shape, raw and Post, CDict alone:
 * scraper items 383 -> 232 ms, ItemStructs 666 -> 518 ms; packing was the import's reading thread's costliest step) for
 * 7-10% more bytes (scraper items 14.0 -> 15.0 MB, ItemStructs 20.5 -> 22.5 MB). The database against the JSON list,
 * 20k through the CLI: scraper items 0.940x -> 0.978x, ItemStructs 0.431x -> 0.446x, so under 1x; level -2 and below
 * save little more time for many more bytes. The level only changes how a frame is found, not how it is read: blobs of
 * any level unpack alike. A post stored at another level and imported again has its raw rewritten once (its bytes
 * differ), its Post and counts untouched. Its frames keep their content size (a reader sizes its buffer up front),
 * carry no checksum (SQLite pages have none either; a damaged frame still fails to decode) and no dictionary id (a
 * plain-content dictionary has none: the codec byte names it).
 */
const ZSTD_LEVEL = -1;

const ZSTD_DICTIONARIES: Readonly<Record<number, string>> = {
  [ZSTD_RAW_V2]: RAW_DICTIONARY_V2,
  [ZSTD_POST_V1]: POST_DICTIONARY_V1,
};

const deflateDictionary = Buffer.from(RAW_DICTIONARY_V1, "utf8");

const cctx = new zstd.CCtx();
const dctx = new zstd.DCtx();
const cdicts = new Map<number, InstanceType<typeof zstd.CDict>>();
const ddicts = new Map<number, InstanceType<typeof zstd.DDict>>();

const cdict = (codec: number): InstanceType<typeof zstd.CDict> => {
  let dict = cdicts.get(codec);
  if (dict === undefined) {
    dict = new zstd.CDict(Buffer.from(ZSTD_DICTIONARIES[codec]!, "utf8"), ZSTD_LEVEL);
    cdicts.set(codec, dict);
  }
  return dict;
};

const ddict = (codec: number): InstanceType<typeof zstd.DDict> => {
  let dict = ddicts.get(codec);
  if (dict === undefined) {
    dict = new zstd.DDict(Buffer.from(ZSTD_DICTIONARIES[codec]!, "utf8"));
    ddicts.set(codec, dict);
  }
  return dict;
};

/** The room packInto may need for a text of this many UTF-8 bytes. */
export const packedBound = (bytes: number): number => 1 + zstd.compressBound(bytes);

/**
 * Writes the blob of a UTF-8 text under `codec` (its codec byte, then the frame) into `out` at `at`, and returns
 * where it ends: many blobs into one buffer, as an import's reading thread sends a batch (pack-batch.ts).
 */
export const packInto = (codec: number, input: Uint8Array, out: Buffer, at: number): number => {
  out[at] = codec;
  return at + 1 + cctx.compressUsingCDict(out.subarray(at + 1), input, cdict(codec));
};

// One output buffer reused for every frame, grown when a text needs more: each blob is then one exact allocation.
let scratch = Buffer.allocUnsafe(64 * 1024);

const packWith = (codec: number, text: string): Buffer => {
  const input = Buffer.from(text, "utf8");
  const bound = packedBound(input.length);
  if (scratch.length < bound) scratch = Buffer.allocUnsafe(bound);
  const end = packInto(codec, input, scratch, 0);
  const blob = Buffer.allocUnsafe(end);
  scratch.copy(blob, 0, 0, end);
  return blob;
};

/** A raw post's JSON text as stored in the raw column (about a fifth of a web ItemStruct, a quarter of a scraper item). */
export const packRaw = (text: string): Buffer => packWith(ZSTD_RAW_V2, text);

/** A Post's JSON text without raw (post-row.ts slimJson) as stored in the json column. */
export const packPostJson = (text: string): Buffer => packWith(ZSTD_POST_V1, text);

let textScratch = Buffer.allocUnsafe(64 * 1024);

/** The text a blob of any codec above holds. */
export const unpackText = (blob: Uint8Array): string => {
  const codec = blob[0];
  if (codec === DEFLATE_DICTIONARY_V1)
    return inflateRawSync(blob.subarray(1), { dictionary: deflateDictionary }).toString("utf8");
  if (codec === undefined || ZSTD_DICTIONARIES[codec] === undefined)
    throw new Error(`A stored post has codec ${codec}, which this version cannot read; update it`);
  const frame = blob.subarray(1);
  const size = zstd.getFrameContentSize(frame);
  if (size === null) throw new Error(`A stored post's zstd frame does not say its size (codec ${codec})`);
  // Into the reused buffer, and from there straight to a string: no buffer allocated per post.
  if (textScratch.length < size) textScratch = Buffer.allocUnsafe(size);
  const written = dctx.decompressUsingDDict(textScratch, frame, ddict(codec));
  if (written !== size) throw new Error(`A stored post's zstd frame held ${written} bytes, not ${size}`);
  return textScratch.toString("utf8", 0, written);
};

/** The JSON text packRaw was given (or the first codec's packRaw, for rows stored before codec 2). */
export const unpackRaw = unpackText;
