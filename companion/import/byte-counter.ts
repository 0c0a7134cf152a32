import { Transform } from "node:stream";

/** Reports the bytes streaming past, for progress. */
export const byteCounter = (onBytes: (bytes: number) => void) =>
  new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
