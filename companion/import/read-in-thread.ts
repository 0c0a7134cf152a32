import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { UserError } from "../cli/user-error.ts";
import type { PackedPost } from "../store/post-store.ts";
import type { FileFormat } from "./detect-format.ts";
import type { Rejections } from "./import-batches.ts";
import { type PackedBatch, unpackBatch } from "./packed-batch.ts";
import type { OnBytes } from "./read-posts.ts";

/** What the thread is given (workerData). */
export interface ThreadOptions {
  file: string;
  format: FileFormat;
  hashtag?: string;
}

/** What the thread sends; `read` is how many more bytes of the file it has read. */
export type ThreadMessage =
  | { type: "read"; read: number }
  | { type: "batch"; read: number; batch: PackedBatch }
  | { type: "done"; read: number; found: Rejections }
  | { type: "error"; read: number; message: string; user: boolean; code?: string };

/** Batches the thread may send before this one has written them: one being written, one waiting. */
export const MAX_BATCHES_AHEAD = 2;

// From the sources (tsx, vitest) this module is TypeScript and so is the thread's entry: the thread registers tsx's
// require hook first (Node 20 does not apply ESM loader hooks to a worker's entry). In the CLI bundle both are
// JavaScript, the entry bundled beside this chunk (build-cli.ts).
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const ENTRY = new URL(`./import-thread.${FROM_SOURCE ? "ts" : "js"}`, import.meta.url);
// The thread's young generation is set: parsing leaves much short-lived garbage, and with the default its collections
// made the thread the import's bottleneck (20k scraper items: 5.7-6.0 s wall by default, 4.3-4.5 s at 16 MB). At 64 MB
// it was faster still (3.9-4.2 s), but a 1 GB file then peaked at 311-330 MB RSS (267-270 MB at 16 MB).
const LIMITS = { maxYoungGenerationSizeMb: 16 };
const startThread = (options: ThreadOptions): Worker => {
  if (!FROM_SOURCE) return new Worker(ENTRY, { workerData: options, resourceLimits: LIMITS });
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const script = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(ENTRY))});`;
  return new Worker(script, { eval: true, workerData: options, execArgv: [], resourceLimits: LIMITS });
};

export interface ThreadBatch {
  hashtag: string;
  /** Where its posts are in the file. */
  where: string;
  posts: PackedPost[];
}

/**
 * A file's posts read, parsed and packed on another thread (import-thread.ts), in batches per hashtag, so this
 * thread only writes them; returns the records rejected. The thread stays at most MAX_BATCHES_AHEAD batches
 * ahead of the consumer (a batch is taken as written when the consumer asks for the next), which keeps memory
 * flat. The thread's errors are thrown here as they were raised there (a UserError naming the file and the place
 * in it); the thread failing on its own is named after the last batch it sent.
 */
export async function* readInThread(
  options: ThreadOptions,
  onBytes: OnBytes,
): AsyncGenerator<ThreadBatch, Rejections> {
  const worker = startThread(options);
  const arrived: Exclude<ThreadMessage, { type: "read" }>[] = [];
  let ended: string | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (message: ThreadMessage) => {
    if (message.type === "read") onBytes(message.read);
    else {
      arrived.push(message);
      notify();
    }
  });
  worker.on("error", (error) => {
    ended ??= `failed: ${error.message}`;
    notify();
  });
  worker.on("exit", (code) => {
    ended ??= `ended (exit code ${code})`;
    notify();
  });
  let last: string | null = null;
  try {
    for (;;) {
      while (arrived.length === 0 && ended === null)
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      const message = arrived.shift();
      if (message === undefined)
        throw new UserError(
          `${options.file}${last === null ? "" : ` after ${last}`}: the import thread ${ended}; nothing was imported from this file`,
        );
      onBytes(message.read);
      if (message.type === "error") {
        if (message.user) throw new UserError(message.message);
        throw Object.assign(
          new Error(message.message),
          message.code === undefined ? {} : { code: message.code },
        );
      }
      if (message.type === "done") return message.found;
      const { hashtag, where } = message.batch;
      last = where.split(" to ").at(-1)!;
      yield { hashtag, where, posts: unpackBatch(message.batch) };
      // Written: the thread may send one more.
      worker.postMessage(null);
    }
  } finally {
    await worker.terminate();
  }
}
