import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { countUpsert } from "./count-upserts.ts";

describe("countUpsert", () => {
  it("adds every row's count, over several full statements and a partial one, to the rows there and new ones", () => {
    const db = new Database(":memory:");
    db.exec(
      "CREATE TABLE t (k TEXT NOT NULL, d INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (k, d)) WITHOUT ROWID",
    );
    db.exec("INSERT INTO t VALUES ('a', 0, 10), ('b', 7, 1)");
    const upsert = countUpsert(db, "t", ["k", "d"], "n");
    const expected = new Map<string, number>([
      ["a|0", 10],
      ["b|7", 1],
    ]);
    // 1,234 rows: each key twice, some keys already stored.
    for (let i = 0; i < 1234; i++) {
      const k = i % 2 === 0 ? "a" : "b";
      const d = i % 617;
      upsert.row(k, d, i);
      expected.set(`${k}|${d}`, (expected.get(`${k}|${d}`) ?? 0) + i);
    }
    // The last, partial statement is written by flush(); a second flush() writes nothing again.
    upsert.flush();
    upsert.flush();
    const rows = db.prepare("SELECT k, d, n FROM t").all() as { k: string; d: number; n: number }[];
    expect(new Map(rows.map(({ k, d, n }) => [`${k}|${d}`, n]))).toEqual(expected);
    db.close();
  });

  it("refuses a table whose rows it cannot take", () => {
    const db = new Database(":memory:");
    expect(() => countUpsert(db, "t", ["k"], "n")).toThrow(/3 to 5 values/u);
    db.close();
  });
});
