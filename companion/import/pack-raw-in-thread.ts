import { Worker } from "node:worker_threads";
import {
  ZSTD_BINDING_PATH,
  ZSTD_DICTIONARIES,
  ZSTD_LEVEL,
  ZSTD_POST_V1,
  ZSTD_RAW_V2,
} from "../store/raw-codec.ts";

/**
 * packRaw and packPostJson (raw-codec.ts) for a batch of posts on another thread, so an import packs one batch's
 * raw texts and Posts on the machine's second core while this thread parses the next and writes the one before.
 * The thread is a plain script (it loads only zstd-napi's binding, by the path raw-codec.ts resolved), so it runs
 * the same from the sources, the CLI bundle and the tests; it is given raw-codec's own level, dictionaries and
 * codec bytes, so its blobs are byte for byte packRaw's and packPostJson's.
 */

// A batch goes over as its texts' UTF-8 in one transferred buffer, and comes back the same way, `ends` marking
// where each text or blob stops: nothing is copied between the threads, and the thread's own heap holds no text
// (strings sent as such piled up in it). Its young generation is small: the frames go straight into one output
// buffer per batch, and the little garbage left is collected early (left to the defaults, deflate's buffers held
// ~40 MB more peak RSS before a collection freed them). One zstd context serves the whole import, one digested
// dictionary per codec.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const { bindingPath, level, dictionaries } = workerData;
const zstd = require(bindingPath);
const cctx = new zstd.CCtx();
const cdicts = new Map(Object.entries(dictionaries).map(([codec, text]) => [Number(codec), new zstd.CDict(Buffer.from(text, "utf8"), level)]));
parentPort.on("message", ({ id, codec, texts, textEnds }) => {
  const cdict = cdicts.get(codec);
  let bytes;
  const ends = new Uint32Array(textEnds.length);
  try {
    let bound = 0;
    let start = 0;
    for (const end of textEnds) {
      bound += zstd.compressBound(end - start) + 1;
      start = end;
    }
    bytes = Buffer.allocUnsafeSlow(bound);
    let at = 0;
    start = 0;
    for (let i = 0; i < textEnds.length; i++) {
      const end = textEnds[i];
      bytes[at] = codec;
      at += 1 + cctx.compressUsingCDict(bytes.subarray(at + 1), new Uint8Array(texts, start, end - start), cdict);
      ends[i] = at;
      start = end;
    }
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  // The buffer goes over whole (its tail past the last end unused), so nothing is copied.
  parentPort.postMessage({ id, bytes: bytes.buffer, ends }, [bytes.buffer, ends.buffer]);
});
`;

type Reply = { id: number; bytes: ArrayBuffer; ends: Uint32Array } | { id: number; error: string };

export interface RawPacker {
  /** The packed blob of each raw text, in order: packRaw's. */
  pack(texts: string[]): Promise<Buffer[]>;
  /** The packed blob of each Post's slimJson text (post-row.ts), in order: packPostJson's (packSlimJson's). */
  packPostJsons(texts: string[]): Promise<Buffer[]>;
  /** Stops the thread; a batch still packing is rejected. */
  close(): Promise<void>;
}

export const rawPackerThread = (): RawPacker => {
  const worker = new Worker(THREAD, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
    workerData: {
      bindingPath: ZSTD_BINDING_PATH,
      level: ZSTD_LEVEL,
      dictionaries: {
        [ZSTD_RAW_V2]: ZSTD_DICTIONARIES[ZSTD_RAW_V2],
        [ZSTD_POST_V1]: ZSTD_DICTIONARIES[ZSTD_POST_V1],
      },
    },
  });
  const waiting = new Map<number, { resolve: (blobs: Buffer[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  const failAll = (error: Error) => {
    ended ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (reply: Reply) => {
    const batch = waiting.get(reply.id);
    if (batch === undefined) return;
    waiting.delete(reply.id);
    if ("error" in reply) {
      batch.reject(new Error(`the packing thread failed: ${reply.error}`));
      return;
    }
    const blobs: Buffer[] = [];
    let start = 0;
    for (const end of reply.ends) {
      blobs.push(Buffer.from(reply.bytes, start, end - start));
      start = end;
    }
    batch.resolve(blobs);
  });
  worker.on("error", (error) => failAll(new Error(`the packing thread failed: ${error.message}`)));
  worker.on("exit", () => failAll(new Error("the packing thread ended")));
  const packWith = (codec: number, texts: string[]): Promise<Buffer[]> => {
    if (ended !== null) return Promise.reject(ended);
    const id = nextId++;
    const textEnds = new Uint32Array(texts.length);
    let total = 0;
    texts.forEach((text, i) => {
      total += Buffer.byteLength(text);
      textEnds[i] = total;
    });
    const bytes = Buffer.allocUnsafeSlow(total);
    texts.forEach((text, i) => {
      bytes.write(text, i === 0 ? 0 : textEnds[i - 1]!);
    });
    return new Promise<Buffer[]>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, codec, texts: bytes.buffer, textEnds }, [bytes.buffer, textEnds.buffer]);
    });
  };
  return {
    pack: (texts) => packWith(ZSTD_RAW_V2, texts),
    packPostJsons: (texts) => packWith(ZSTD_POST_V1, texts),
    async close() {
      failAll(new Error("the packing thread was closed"));
      await worker.terminate();
    },
  };
};
