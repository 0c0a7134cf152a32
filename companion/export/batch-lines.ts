/** Big enough that the stream's per-write cost (a buffer, a callback, a syscall) vanishes next to the text. */
export const BATCH_CHARS = 256 * 1024;

/**
 * The same text as `lines`, joined into chunks of about `size` characters: one write per chunk instead of one
 * per post. Lines are never split, so a chunk may exceed `size` by one line; the last chunk holds what is left.
 */
export function* batchLines(lines: Iterable<string>, size: number = BATCH_CHARS): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const line of lines) {
    pending.push(line);
    length += line.length;
    if (length >= size) {
      yield pending.join("");
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join("");
}
