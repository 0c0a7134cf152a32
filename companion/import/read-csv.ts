import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import { type CsvDialect, csvDialect, parseCsvRow } from "../../shared/post/parse-csv-row.ts";
import { UserError } from "../cli/user-error.ts";
import { byteCounter } from "./byte-counter.ts";
import type { LocatedPosts, OnBytes } from "./read-posts.ts";

/** Like an NDJSON line, a post's row is a few KB; far beyond is a broken file, not a post. */
const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * A CSV of posts, row by row (memory flat however long the file). A header we cannot map, or a row that breaks
 * the CSV grammar, makes the whole file invalid; a row whose id is bad is rejected with its line number.
 */
export async function* readCsv(file: string, onBytes: OnBytes): AsyncGenerator<LocatedPosts> {
  let dialect: CsvDialect | null = null;
  const rows = pipeline(
    createReadStream(file),
    byteCounter(onBytes),
    parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      // An unclosed quote would otherwise gather the rest of the file into one cell.
      max_record_size: MAX_RECORD_CHARS,
      columns: (header: string[]) => {
        const found = csvDialect(header);
        if (!found.ok) throw new UserError(`${file} is a CSV we cannot map: ${found.reason}`);
        dialect = found.dialect;
        return header;
      },
    }),
    () => {},
  );
  // Where the last good row ended: a row too long to finish is reported by where it started.
  let lastLine = 1;
  try {
    for await (const { record, info } of rows as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      lastLine = info.lines;
      yield {
        results: [parseCsvRow(record, dialect ?? "4cat")],
        where: `line ${info.lines}`,
        value: record,
      };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as { code?: string }).code === "CSV_MAX_RECORD_SIZE")
      throw new UserError(
        `${file} line ${lastLine + 1} starts a row longer than ${MAX_RECORD_CHARS / 2 ** 20} MB (an unclosed quote?); nothing was imported from this file`,
      );
    throw new UserError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
}
