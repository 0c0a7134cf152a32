import { Worker } from "node:worker_threads";
import { DEFLATE_DICTIONARY_V1, DEFLATE_OPTIONS } from "../store/raw-codec.ts";

/**
 * packRaw (raw-codec.ts) for a batch of posts on another thread, so an import deflates one batch on the
 * machine's second core while this thread parses the next and writes the one before. The thread is a plain
 * script (only node:zlib), so it runs the same from the sources, the CLI bundle and the tests; it is given
 * raw-codec's own options and codec byte, so its blobs are byte for byte packRaw's.
 */

// A batch goes over as its texts' UTF-8 in one transferred buffer, and comes back the same way, `ends` marking
// where each text or blob stops: nothing is copied between the threads, and the thread's own heap holds no text
// (strings sent as such piled up in it). Its output chunks are 4 KB, not 16, and its young generation small: each
// deflate's buffers are garbage at once, and left to the defaults they held ~40 MB more peak RSS before a
// collection freed them. The options that shape the stream are raw-codec's, so the blobs are the same.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const { deflateRawSync } = require("node:zlib");
const { codec, options } = workerData;
const deflate = { ...options, dictionary: Buffer.from(options.dictionary), chunkSize: 4096 };
parentPort.on("message", ({ id, texts, textEnds }) => {
  const parts = [];
  try {
    let start = 0;
    for (const end of textEnds) {
      parts.push(deflateRawSync(Buffer.from(texts, start, end - start), deflate));
      start = end;
    }
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  let total = 0;
  for (const part of parts) total += part.length + 1;
  const bytes = Buffer.allocUnsafeSlow(total);
  const ends = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    bytes[at] = codec;
    parts[i].copy(bytes, at + 1);
    at += parts[i].length + 1;
    ends[i] = at;
  }
  parentPort.postMessage({ id, bytes: bytes.buffer, ends }, [bytes.buffer, ends.buffer]);
});
`;

type Reply = { id: number; bytes: ArrayBuffer; ends: Uint32Array } | { id: number; error: string };

export interface RawPacker {
  /** The packed blob of each text, in order. */
  pack(texts: string[]): Promise<Buffer[]>;
  /** Stops the thread; a batch still packing is rejected. */
  close(): Promise<void>;
}

export const rawPackerThread = (): RawPacker => {
  const worker = new Worker(THREAD, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
    workerData: { codec: DEFLATE_DICTIONARY_V1, options: DEFLATE_OPTIONS },
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
      batch.reject(new Error(`the raw packing thread failed: ${reply.error}`));
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
  worker.on("error", (error) => failAll(new Error(`the raw packing thread failed: ${error.message}`)));
  worker.on("exit", () => failAll(new Error("the raw packing thread ended")));
  return {
    pack(texts) {
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
        worker.postMessage({ id, texts: bytes.buffer, textEnds }, [bytes.buffer, textEnds.buffer]);
      });
    },
    async close() {
      failAll(new Error("the raw packing thread was closed"));
      await worker.terminate();
    },
  };
};
