// The import's reading thread (read-in-thread.ts starts it): reads, parses and packs a file's posts, and sends
// them in batches per hashtag to the thread that writes them.
import { parentPort, workerData } from "node:worker_threads";
import { UserError } from "../cli/user-error.ts";
import { importBatches } from "./import-batches.ts";
import { MAX_BATCHES_AHEAD, type ThreadMessage, type ThreadOptions } from "./read-in-thread.ts";

/** Progress goes over about once per MB read, not per chunk. */
const PROGRESS_BYTES = 2 ** 20;

const port = parentPort!;
const { file, format, hashtag } = workerData as ThreadOptions;

let credit = MAX_BATCHES_AHEAD;
let wake: (() => void) | null = null;
port.on("message", () => {
  credit++;
  wake?.();
  wake = null;
});

let read = 0;
const send = (message: ThreadMessage, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  read = 0;
};
const onBytes = (bytes: number) => {
  read += bytes;
  if (read >= PROGRESS_BYTES) send({ type: "read", read });
};

const run = async (): Promise<void> => {
  const batches = importBatches(file, { format, hashtag, onBytes });
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      send({ type: "done", read, found: next.value });
      return;
    }
    const packed = next.value;
    while (credit === 0)
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    credit--;
    send({ type: "batch", read, batch: packed }, [packed.bytes, packed.ends.buffer as ArrayBuffer]);
  }
};

run().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  send({
    type: "error",
    read,
    message: error instanceof Error ? error.message : String(error),
    user: error instanceof UserError,
    ...(typeof code === "string" ? { code } : {}),
  });
});
