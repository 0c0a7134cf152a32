/** A line longer than the reader's limit: reading it whole could exceed what a string can hold. */
export class LineTooLongError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly limitBytes: number,
  ) {
    super(`line ${lineNumber} is longer than ${limitBytes} bytes`);
  }
}

export interface Line {
  /** 1-based. */
  number: number;
  /** Without its "\n" or "\r\n". */
  text: string;
}

/**
 * The lines of a byte stream, each at most `maxLineBytes`. Unlike readline, a line that never ends is refused
 * as soon as it passes the limit, instead of growing until Node cannot make a string of it and crashes. Each
 * chunk is scanned once, so a long line costs linear time.
 */
export async function* readLines(input: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 0;
  const take = (last: Buffer): Line => {
    const bytes = parts.length === 0 ? last : Buffer.concat([...parts, last]);
    parts = [];
    size = 0;
    number++;
    const text = bytes.toString("utf8");
    return { number, text: text.endsWith("\r") ? text.slice(0, -1) : text };
  };
  for await (const chunk of input) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      if (size + newline - start > maxLineBytes) throw new LineTooLongError(number + 1, maxLineBytes);
      const line = take(chunk.subarray(start, newline));
      start = newline + 1;
      yield line;
    }
    if (start < chunk.length) {
      size += chunk.length - start;
      if (size > maxLineBytes) throw new LineTooLongError(number + 1, maxLineBytes);
      parts.push(chunk.subarray(start));
    }
  }
  if (size > 0) yield take(Buffer.alloc(0));
}
