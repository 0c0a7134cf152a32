import type Database from "better-sqlite3";

/**
 * Adds rows of counts to a table keyed by the other columns (the aggregate's and its rollup's) with bound
 * multi-row upserts: an existing row's count grows by the row's, a missing one is inserted. Bound values skip the
 * JSON text and json_each a set-based statement would read its rows from, and rows are bound as they come, a
 * statement's worth at a time, so no list of every row is built (nor left for the garbage collector to copy).
 */

/** Rows per statement: 500 of at most 5 values, far under SQLite's 32,766 parameters. */
const ROWS_PER_UPSERT = 500;

type Value = string | number;

export interface CountUpsert {
  /** A row: its key's values in the order of `keys`, then its count (values past the row's width are ignored). */
  row(a: Value, b: Value, c: Value, d?: Value, e?: Value): void;
  /** Writes the rows not written yet. */
  flush(): void;
}

export const countUpsert = (
  db: Database.Database,
  table: string,
  keys: readonly string[],
  count: string,
): CountUpsert => {
  const width = keys.length + 1;
  if (width < 3 || width > 5)
    throw new RangeError(`a count row has 3 to 5 values, ${table}'s would have ${width}`);
  const statements = new Map<number, Database.Statement>();
  const statement = (rows: number): Database.Statement => {
    let prepared = statements.get(rows);
    if (prepared === undefined) {
      const row = `(${Array.from({ length: width }, () => "?").join(", ")})`;
      prepared = db.prepare(
        `INSERT INTO ${table} (${keys.join(", ")}, ${count}) VALUES ${Array.from({ length: rows }, () => row).join(", ")}
         ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${count} = ${count} + excluded.${count}`,
      );
      statements.set(rows, prepared);
    }
    return prepared;
  };
  // One array for every full statement, filled again each time.
  const params: Value[] = new Array(ROWS_PER_UPSERT * width);
  let filled = 0;
  const flush = () => {
    if (filled === 0) return;
    const rows = filled / width;
    statement(rows).run(rows === ROWS_PER_UPSERT ? params : params.slice(0, filled));
    filled = 0;
  };
  return {
    row(a, b, c, d, e) {
      params[filled++] = a;
      params[filled++] = b;
      params[filled++] = c;
      if (width > 3) params[filled++] = d!;
      if (width > 4) params[filled++] = e!;
      if (filled === params.length) flush();
    },
    flush,
  };
};
