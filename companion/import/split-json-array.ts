/** One element of a top-level JSON list, as its source text. */
export interface ArrayElementText {
  /** 0-based position in the list. */
  index: number;
  text: string;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const BOM = [0xef, 0xbb, 0xbf];

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

type State = "before-list" | "before-element" | "in-element" | "after-element" | "after-list";

/**
 * The elements of a top-level JSON list as text, one at a time, without building a token stream: a byte scan
 * that only tracks strings and bracket depth to find where each element ends. Parsing each element is left to
 * the caller (so big integers are read however it reads them), and so is checking an element's inside; the
 * list's own syntax (brackets, commas, nothing after the end) is checked here. Memory is bounded by the largest
 * element, which may not exceed `maxElementBytes`.
 */
export async function* splitJsonArray(
  input: AsyncIterable<Buffer>,
  maxElementBytes: number,
): AsyncGenerator<ArrayElementText> {
  let state: State = "before-list";
  let index = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;
  let parts: Buffer[] = [];
  let size = 0;
  let offset = 0;
  const fail = (message: string, position: number): never => {
    throw new SyntaxError(`${message} at position ${position}`);
  };
  const tooLong = (): never =>
    fail(`item ${index + 1} is longer than ${Math.round(maxElementBytes / 2 ** 20)} MB`, offset);
  const take = (chunk: Buffer, start: number, end: number): ArrayElementText => {
    const last = chunk.subarray(start, end);
    if (size + last.length > maxElementBytes) tooLong();
    const bytes = parts.length === 0 ? last : Buffer.concat([...parts, last]);
    parts = [];
    size = 0;
    state = "after-element";
    return { index: index++, text: bytes.toString("utf8") };
  };

  for await (const chunk of input) {
    let i = 0;
    let start = state === "in-element" ? 0 : -1;
    const end = chunk.length;
    while (i < end) {
      const byte = chunk[i]!;
      if (state === "in-element") {
        if (inString) {
          // Most of a post is inside strings: jump from quote to quote (memchr) instead of looking at every
          // byte. A quote closes the string when the run of backslashes before it is even.
          let from = i;
          if (escaped) {
            escaped = false;
            from++;
          }
          let closing = -1;
          for (let q = chunk.indexOf(QUOTE, from); q !== -1; q = chunk.indexOf(QUOTE, q + 1)) {
            let run = 0;
            for (let k = q - 1; k >= from && chunk[k] === BACKSLASH; k--) run++;
            if (run % 2 === 0) {
              closing = q;
              break;
            }
          }
          if (closing === -1) {
            let run = 0;
            for (let k = end - 1; k >= from && chunk[k] === BACKSLASH; k--) run++;
            escaped = run % 2 === 1;
            i = end;
            continue;
          }
          i = closing;
          inString = false;
          if (depth === 0) {
            yield take(chunk, start, i + 1);
            start = -1;
          }
        } else if (scalar) {
          if (byte === COMMA || byte === CLOSE_BRACKET || isSpace(byte)) {
            scalar = false;
            yield take(chunk, start, i);
            start = -1;
            continue; // the comma or bracket is the list's
          }
        } else if (byte === QUOTE) inString = true;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) {
            yield take(chunk, start, i + 1);
            start = -1;
          }
        }
      } else if (!isSpace(byte)) {
        if (state === "before-list" && offset + i < BOM.length && byte === BOM[offset + i]) {
          // A UTF-8 byte order mark, as Windows tools write it.
        } else if (state === "before-list") {
          if (byte !== OPEN_BRACKET) fail("the top level is not a JSON list", offset + i);
          state = "before-element";
        } else if (state === "before-element") {
          // "[]" is an empty list; "[1,]" is not.
          if (byte === CLOSE_BRACKET && index === 0) state = "after-list";
          else if (byte === COMMA || byte === CLOSE_BRACKET) fail("expected a list element", offset + i);
          else {
            state = "in-element";
            start = i;
            if (byte === QUOTE) inString = true;
            else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth = 1;
            else scalar = true;
          }
        } else if ((state as State) === "after-element") {
          if (byte === COMMA) state = "before-element";
          else if (byte === CLOSE_BRACKET) state = "after-list";
          else fail("expected , or ] after a list element", offset + i);
        } else fail("unexpected text after the end of the list", offset + i);
      }
      i++;
    }
    if (state === "in-element") {
      const rest = chunk.subarray(start);
      size += rest.length;
      if (size > maxElementBytes) tooLong();
      parts.push(rest);
    }
    offset += chunk.length;
  }
  // `take` moves the state too, which the compiler's narrowing cannot see.
  if ((state as State) !== "after-list") fail("unexpected end of the list", offset);
}
