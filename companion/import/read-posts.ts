import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { fastParseJson } from "../../shared/json/fast-parse-json.ts";
import { parseJson } from "../../shared/json/parse-json.ts";
import { describeShape } from "../../shared/post/describe-shape.ts";
import { dataScriptsFromHtml, itemsFromHtml } from "../../shared/post/extract-items.ts";
import { parseFoundItem } from "../../shared/post/parse-any.ts";
import type { ParseResult } from "../../shared/post/post.ts";
import { UserError } from "../cli/user-error.ts";
import { byteCounter } from "./byte-counter.ts";
import type { FileFormat } from "./detect-format.ts";
import { parseImportValue } from "./parse-import-value.ts";
import { readCsv } from "./read-csv.ts";
import { LineTooLongError, readLines } from "./read-lines.ts";
import { splitJsonArray } from "./split-json-array.ts";

/** The posts read from one place in an import file, and where that is (for messages). */
export interface LocatedPosts {
  results: ParseResult[];
  where: string;
  /** The JSON value the results were read from, to describe a file that gave no post. */
  value: unknown;
  /** The value's source text, when it was read on its own: a post whose raw is the value stores it as is. */
  text?: string;
}

export type OnBytes = (bytes: number) => void;

/** JSON documents and pages are read whole; beyond this they would exhaust memory, so say so instead. */
const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

/** NDJSON records are a few KB (a Zeeschuimer line with its raw item, ~50 KB); far beyond is not a record. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

const oneLine = (message: string): string => {
  const flat = message.replace(/\s+/gu, " ");
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
};

/** Whether the file's last non-blank character is `char`: a complete JSON list ends with "]". */
const endsWith = async (file: string, char: string): Promise<boolean> => {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, 4096));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return tail.toString("utf8").trimEnd().endsWith(char);
  } finally {
    await handle.close();
  }
};

/** A JSON list, element by element: memory stays bounded by the largest element, not the file. */
async function* readJsonArray(file: string, onBytes: OnBytes): AsyncGenerator<LocatedPosts> {
  const input = pipeline(createReadStream(file), byteCounter(onBytes), () => {});
  let index = 0;
  try {
    for await (const element of splitJsonArray(input, MAX_LINE_BYTES)) {
      index = element.index + 1;
      let value: unknown;
      try {
        value = fastParseJson(element.text);
      } catch (error) {
        throw new UserError(`${file} item ${index} is not valid JSON: ${oneLine((error as Error).message)}`);
      }
      yield { results: parseImportValue(value), where: `item ${index}`, value, text: element.text };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const where = (await endsWith(file, "]"))
      ? `has invalid JSON after item ${index}`
      : `ends inside item ${index + 1} (truncated?)`;
    throw new UserError(`${file} ${where}: ${oneLine((error as Error).message)}`);
  } finally {
    input.destroy();
  }
}

/** One JSON value per line; a line that is not JSON makes the whole file invalid. */
async function* readNdjson(file: string, onBytes: OnBytes): AsyncGenerator<LocatedPosts> {
  const input = pipeline(createReadStream(file), byteCounter(onBytes), () => {});
  try {
    for await (const { number, text: line } of readLines(input, MAX_LINE_BYTES)) {
      const text = number === 1 ? line.replace(/^\uFEFF/u, "") : line;
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = fastParseJson(text);
      } catch (error) {
        throw new UserError(`${file} line ${number} is not valid JSON: ${oneLine((error as Error).message)}`);
      }
      yield { results: parseImportValue(value), where: `line ${number}`, value, text };
    }
  } catch (error) {
    if (error instanceof LineTooLongError)
      throw new UserError(
        `${file} line ${error.lineNumber} is longer than ${MAX_LINE_BYTES / 2 ** 20} MB, too long for one NDJSON record; nothing was imported from this file`,
      );
    throw error;
  } finally {
    input.destroy();
  }
}

const readWhole = async (file: string, onBytes: OnBytes): Promise<string> => {
  const { size } = await stat(file);
  if (size > MAX_WHOLE_FILE_BYTES)
    throw new UserError(
      `${file} is a single JSON document of ${Math.round(size / 2 ** 20)} MB, too large to read whole; convert it to NDJSON or a JSON list`,
    );
  const text = await readFile(file, "utf8");
  onBytes(size);
  return text.replace(/^\uFEFF/u, "");
};

const lineOf = (text: string, message: string): string => {
  const position = /at position (\d+)/u.exec(message)?.[1];
  if (position === undefined) return "";
  return ` at line ${text.slice(0, Number(position)).split("\n").length}`;
};

async function* readJsonDocument(file: string, onBytes: OnBytes): AsyncGenerator<LocatedPosts> {
  const text = await readWhole(file, onBytes);
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new UserError(`${file} is not valid JSON${lineOf(text, message)}: ${oneLine(message)}`);
  }
  yield { results: parseImportValue(value), where: "the document", value };
}

async function* readHtmlPage(file: string, onBytes: OnBytes): AsyncGenerator<LocatedPosts> {
  const html = await readWhole(file, onBytes);
  const found = itemsFromHtml(html);
  if (found.length === 0) {
    const scripts = Object.entries(dataScriptsFromHtml(html));
    if (scripts.length === 0)
      throw new UserError(`${file} is a page without TikTok post data (no data script found)`);
    throw new UserError(
      `${file} is a page whose data script has no posts: ${scripts.map(([id, value]) => `${id} is ${describeShape(value)}`).join("; ")}`,
    );
  }
  yield {
    results: found.map((item) => parseFoundItem(item, null, null)),
    where: "the page",
    value: found.map((item) => item.item),
  };
}

/** The posts of a file, streamed where the format allows. */
export const readPosts = (
  file: string,
  format: FileFormat,
  onBytes: OnBytes,
): AsyncIterable<LocatedPosts> => {
  switch (format) {
    case "json-array":
      return readJsonArray(file, onBytes);
    case "ndjson":
      return readNdjson(file, onBytes);
    case "html":
      return readHtmlPage(file, onBytes);
    case "csv":
      return readCsv(file, onBytes);
    default:
      return readJsonDocument(file, onBytes);
  }
};
