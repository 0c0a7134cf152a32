import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { multiRowInsert } from "./multi-row-insert.ts";

const table = () => {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label)");
  return db;
};

/** Rows 0..count-1 as flat values: n, a 19-digit id (beyond a double's exact integers), a label. */
const rows = (count: number, from = 0): unknown[] =>
  Array.from({ length: count }, (_, i) => [
    from + i,
    `73012345678901234${String(from + i).padStart(2, "0")}`,
    `row ${from + i}`,
  ]).flat();

describe("multiRowInsert", () => {
  it("inserts every row of any count, in order, whatever the chunks", () => {
    for (const count of [0, 1, 3, 4, 5, 7, 8, 9, 17, 30]) {
      const db = table();
      const insert = multiRowInsert(db, "INSERT INTO t (n, id, label)", 3, 4);
      insert.run(rows(count));
      const stored = db.prepare("SELECT n, id, typeof(id) AS type, label FROM t ORDER BY rowid").all();
      expect(stored).toEqual(
        Array.from({ length: count }, (_, n) => ({
          n,
          id: `73012345678901234${String(n).padStart(2, "0")}`,
          type: "text",
          label: `row ${n}`,
        })),
      );
      db.close();
    }
  });

  it("returns the RETURNING rows of every chunk, in order, a single column plucked", () => {
    const db = table();
    db.exec("INSERT INTO t (n, id) VALUES (2, 'taken')");
    const insert = multiRowInsert(
      db,
      "INSERT INTO t (n, id, label)",
      3,
      2,
      "ON CONFLICT DO NOTHING RETURNING n",
    );
    expect(insert.all(rows(7))).toEqual([0, 1, 3, 4, 5, 6]);
    const both = multiRowInsert(db, "INSERT INTO t (n, id, label)", 3, 2, "RETURNING n, label");
    expect(both.all(rows(3, 10))).toEqual([
      { n: 10, label: "row 10" },
      { n: 11, label: "row 11" },
      { n: 12, label: "row 12" },
    ]);
    db.close();
  });

  it("refuses values that are not whole rows, and statements SQLite cannot bind", () => {
    const db = table();
    const insert = multiRowInsert(db, "INSERT INTO t (n, id, label)", 3, 4);
    expect(() => insert.run([1, "a"])).toThrow("2 values are not whole rows of 3 columns");
    expect(db.prepare("SELECT COUNT(*) FROM t").pluck().get()).toBe(0);
    expect(() => multiRowInsert(db, "INSERT INTO t (n, id, label)", 3, 11_000)).toThrow(
      "11000 rows of 3 values do not fit one SQLite statement",
    );
    expect(() => multiRowInsert(db, "INSERT INTO t (n)", 0, 4)).toThrow("a row needs at least one column");
    db.close();
  });
});
