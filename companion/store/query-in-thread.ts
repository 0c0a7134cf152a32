import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/**
 * One read-only query answered on another thread, over its own connection, while this thread does other work
 * (the machine's second core). Synchronous to the caller, as the rest of the store is: `result()` blocks until
 * the thread answers. The thread's code is a plain script, so it runs the same from the sources, the CLI
 * bundle and the tests.
 */

const DRIVER = createRequire(import.meta.url).resolve("better-sqlite3");

// The reply is posted before the flag is raised, so once the flag is up the message is on the port. Every
// way out (an answer, an error, the thread ending early) raises the flag, so the caller never waits forever.
const THREAD = `
const { workerData } = require("node:worker_threads");
const { port, flag, driver, file, sql, params } = workerData;
let replied = false;
const reply = (message) => {
  if (replied) return;
  replied = true;
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
process.on("exit", () => reply({ error: "the query thread ended without an answer" }));
try {
  const Database = require(driver);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reply({ value: db.prepare(sql).pluck().get(params) });
  } finally {
    db.close();
  }
} catch (error) {
  reply({ error: error instanceof Error ? error.message : String(error) });
}
`;

export interface ThreadQuery<T> {
  /** The query's single value (the first column of its first row); throws the thread's error. */
  result(): T;
  /** Stops the thread without waiting for its answer. */
  cancel(): void;
}

/** Starts `sql` (one value out, as `.pluck().get(params)`) on the database file `file` in a new thread. */
export const queryInThread = <T>(
  file: string,
  sql: string,
  params: Record<string, unknown>,
): ThreadQuery<T> => {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { port: port2, flag, driver: DRIVER, file, sql, params },
    transferList: [port2],
  });
  const stop = () => {
    port1.close();
    void worker.terminate();
  };
  return {
    cancel: stop,
    result(): T {
      try {
        Atomics.wait(flag, 0, 0);
        const message = receiveMessageOnPort(port1)?.message as { value?: T; error?: string } | undefined;
        if (message === undefined) throw new Error("the query thread answered nothing");
        if (message.error !== undefined) throw new Error(`query thread: ${message.error}`);
        return message.value as T;
      } finally {
        stop();
      }
    },
  };
};
