import { Worker } from "node:worker_threads";
import { DEFLATE_DICTIONARY_V1, DEFLATE_OPTIONS } from "../store/raw-codec.ts";

/**
 * packRaw (raw-codec.ts) for a batch of posts on another thread, so an import deflates one batch on the
 * machine's second core while this thread parses the next and writes the one before. The thread is a plain
 * script (only node:zlib), so it runs the same from the sources, the CLI bundle and the tests; it is given
 * raw-codec's own options and codec byte, so its blobs are byte for byte packRaw's.
 */

// One reply per batch: every blob in one transferred buffer (no copy back), `ends` marking where each stops. A
// text that fails to deflate is named by its position in the batch.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const { deflateRawSync } = require("node:zlib");
const { codec, options } = workerData;
const deflate = { ...options, dictionary: Buffer.from(options.dictionary) };
parentPort.on("message", ({ id, texts }) => {
  const parts = [];
  for (let i = 0; i < texts.length; i++) {
    try {
      parts.push(deflateRawSync(texts[i], deflate));
    } catch (error) {
      parentPort.postMessage({ id, failed: i, error: error instanceof Error ? error.message : String(error) });
      return;
    }
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

/** A batch's text that could not be packed, by its position in the batch. */
export class PackError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

type Reply =
  | { id: number; bytes: ArrayBuffer; ends: Uint32Array }
  | { id: number; failed: number; error: string };

export interface RawPacker {
  /** The packed blob of each text, in order; rejects with a PackError naming the text that failed. */
  pack(texts: string[]): Promise<Buffer[]>;
  /** Stops the thread; a batch still packing is rejected. */
  close(): Promise<void>;
}

export const rawPackerThread = (): RawPacker => {
  const worker = new Worker(THREAD, {
    eval: true,
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
    if ("failed" in reply) {
      batch.reject(new PackError(reply.failed, `could not pack its raw JSON: ${reply.error}`));
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
      return new Promise<Buffer[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, texts });
      });
    },
    async close() {
      failAll(new Error("the raw packing thread was closed"));
      await worker.terminate();
    },
  };
};
