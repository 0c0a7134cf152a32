import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { queryInThread } from "./query-in-thread.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-thread-"));
const file = join(dir, "t.db");
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("queryInThread", () => {
  it("answers a query over the file on another thread, with named parameters", () => {
    const query = queryInThread<number>(file, "SELECT SUM(x) FROM t WHERE x >= @from", { from: 2 });
    expect(query.result()).toBe(5);
  });

  it("reads only: a write is refused with SQLite's reason", () => {
    expect(() => queryInThread(file, "DELETE FROM t RETURNING x", {}).result()).toThrow(
      /query thread: .*readonly/u,
    );
    expect(db.prepare("SELECT COUNT(*) FROM t").pluck().get()).toBe(3);
  });

  it("gives the thread's error for bad SQL and for a missing file", () => {
    expect(() => queryInThread(file, "SELECT nope FROM t", {}).result()).toThrow(
      /query thread: no such column/u,
    );
    expect(() => queryInThread(join(dir, "missing.db"), "SELECT 1", {}).result()).toThrow(/query thread:/u);
  });

  it("can be cancelled without waiting", () => {
    const query = queryInThread(file, "SELECT 1", {});
    query.cancel();
    query.cancel();
  });
});
