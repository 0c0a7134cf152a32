import type Database from "better-sqlite3";

/**
 * An INSERT of many rows, bound as multi-row VALUES: no JSON text to build in JavaScript and for SQLite to parse
 * again with json_each, and a few calls into SQLite per batch instead of one per row.
 *
 * A batch goes in as statements of `maxRows` rows, then of the powers of two below it for the rest, so at most
 * log2(maxRows) + 2 statements are ever prepared, whatever sizes the batches come in, and the rows keep their order.
 */
export interface MultiRowInsert {
  /** Inserts the rows in `values`, `columns` values each, one row after another. */
  run(values: readonly unknown[]): void;
  /** The same, returning each statement's RETURNING rows (plucked when it returns one column), in statement order. */
  all(values: readonly unknown[]): unknown[];
}

/**
 * `head` is the statement up to VALUES ("INSERT INTO t (a, b)"), `tail` what follows the rows ("ON CONFLICT ...
 * RETURNING a"). maxRows times `columns` must stay under SQLite's 32,766 parameters.
 */
export const multiRowInsert = (
  db: Database.Database,
  head: string,
  columns: number,
  maxRows: number,
  tail = "",
): MultiRowInsert => {
  if (!Number.isInteger(columns) || columns < 1)
    throw new Error(`a row needs at least one column, got ${columns}`);
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows * columns > 32_766)
    throw new Error(`${maxRows} rows of ${columns} values do not fit one SQLite statement`);
  const row = `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  const statements = new Map<number, Database.Statement>();
  const statement = (rows: number): Database.Statement => {
    let prepared = statements.get(rows);
    if (prepared === undefined) {
      prepared = db.prepare(`${head} VALUES ${Array.from({ length: rows }, () => row).join(", ")} ${tail}`);
      if (prepared.reader && prepared.columns().length === 1) prepared.pluck();
      statements.set(rows, prepared);
    }
    return prepared;
  };
  /** Calls `each` with every statement and its slice of `values`, in order. */
  const chunks = (
    values: readonly unknown[],
    each: (statement: Database.Statement, slice: unknown[]) => void,
  ) => {
    if (values.length % columns !== 0)
      throw new Error(`${values.length} values are not whole rows of ${columns} columns`);
    let start = 0;
    let left = values.length / columns;
    while (left > 0) {
      let rows = maxRows;
      if (left < maxRows) for (rows = 1; rows * 2 <= left; rows *= 2);
      const end = start + rows * columns;
      each(statement(rows), values.slice(start, end));
      start = end;
      left -= rows;
    }
  };
  return {
    run(values) {
      chunks(values, (prepared, slice) => prepared.run(slice));
    },
    all(values) {
      const returned: unknown[] = [];
      chunks(values, (prepared, slice) => {
        for (const item of prepared.all(slice)) returned.push(item);
      });
      return returned;
    },
  };
};
