import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

// RFC 4180: CRLF records, quotes around any field holding a delimiter, a quote or a line break (csv-stringify
// stops quoting bare line breaks once a record delimiter is set, hence quote_record_delimiter). escape_formulas
// prefixes text starting with = + - @ tab or CR with ' so spreadsheets never run a post's text as a formula.
const OPTIONS = {
  record_delimiter: "windows",
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

const cell = (value: CsvCell): string | number => value ?? "";

/** One CSV record, CRLF-terminated. */
export const csvLine = (cells: readonly CsvCell[]): string => stringify([cells.map(cell)], OPTIONS);

/** A whole CSV document. */
export const csvText = (rows: readonly (readonly CsvCell[])[]): string =>
  stringify(
    rows.map((row) => row.map(cell)),
    OPTIONS,
  );
