import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { databasePath } from "./paths.ts";
import { NUMBERED_SPAN_DAYS } from "./span-cover.ts";
import { openSqliteStore } from "./sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-numbered-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
openSqliteStore(dir).close();

/** A write to the per-day table as any writer may do it: one post at a time, a batch's counts at once, a rename. */
type Write =
  | { kind: "add"; hashtag: string; day: number; tag: string; n: number }
  | { kind: "set"; hashtag: string; day: number; tag: string; n: number }
  | { kind: "rename"; hashtag: string; day: number; tag: string; to: string }
  | { kind: "delete"; hashtag: string; day: number; tag: string };

const hashtag = fc.constantFrom("x", "y");
const day = fc.integer({ min: -150, max: 150 });
// "numbered" has a number before the writes; the others get one from the rollup's triggers.
const tag = fc.constantFrom("numbered", "b", "東京", "d");
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), hashtag, day, tag, n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("set" as const), hashtag, day, tag, n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant("rename" as const), hashtag, day, tag, to: tag }),
  fc.record({ kind: fc.constant("delete" as const), hashtag, day, tag }),
);

/** A rename onto a row that exists fails as a whole statement, leaving the tables as they were. */
const renameUnlessTaken = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
  }
};

/** The rollup summed here from the per-day rows, by tag text, with floor division. */
const expected = (db: Database.Database) => {
  const spans = new Map<string, number>();
  const totals = new Map<string, number>();
  const add = (sums: Map<string, number>, key: string, n: number) => sums.set(key, (sums.get(key) ?? 0) + n);
  const rows = db.prepare("SELECT hashtag, day, tag, n FROM tag_days").all() as {
    hashtag: string;
    day: number;
    tag: string;
    n: number;
  }[];
  for (const row of rows) {
    for (const days of NUMBERED_SPAN_DAYS)
      add(spans, `${row.hashtag} ${days} ${Math.floor(row.day / days)} ${row.tag}`, row.n);
    add(totals, `${row.hashtag} ${row.tag}`, row.n);
  }
  const kept = (sums: Map<string, number>) => [...sums].filter(([, n]) => n !== 0).sort();
  return { spans: kept(spans), totals: kept(totals) };
};

/** The rollup as stored, numbers turned back into text. */
const stored = (db: Database.Database) => ({
  spans: (
    db
      .prepare(
        `SELECT s.hashtag || ' ' || s.days || ' ' || s.span || ' ' || i.tag, s.n
         FROM tag_number_spans s JOIN tag_ids i ON i.id = s.tag_id`,
      )
      .raw()
      .all() as [string, number][]
  ).sort(),
  totals: (
    db
      .prepare(
        "SELECT t.hashtag || ' ' || i.tag, t.n FROM tag_number_totals t JOIN tag_ids i ON i.id = t.tag_id",
      )
      .raw()
      .all() as [string, number][]
  ).sort(),
});

describe("the rollup by tag number", () => {
  it("follows every insert, update and delete of the per-day rows, numbering new tags, also before 1970", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
        const db = new Database(databasePath(dir));
        db.exec("BEGIN");
        try {
          db.exec("INSERT INTO tag_ids (tag) VALUES ('numbered')");
          const add = db.prepare(
            `INSERT INTO tag_days (hashtag, day, tag, n) VALUES (?, ?, ?, ?)
             ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + excluded.n`,
          );
          const set = db.prepare("UPDATE tag_days SET n = ? WHERE hashtag = ? AND day = ? AND tag = ?");
          const rename = db.prepare("UPDATE tag_days SET tag = ? WHERE hashtag = ? AND day = ? AND tag = ?");
          const remove = db.prepare("DELETE FROM tag_days WHERE hashtag = ? AND day = ? AND tag = ?");
          for (const w of writes) {
            if (w.kind === "add") add.run(w.hashtag, w.day, w.tag, w.n);
            else if (w.kind === "set") set.run(w.n, w.hashtag, w.day, w.tag);
            else if (w.kind === "rename") renameUnlessTaken(() => rename.run(w.to, w.hashtag, w.day, w.tag));
            else remove.run(w.hashtag, w.day, w.tag);
          }
          expect(stored(db)).toEqual(expected(db));
          // No row of 0 is kept.
          expect(db.prepare("SELECT COUNT(*) FROM tag_number_spans WHERE n = 0").pluck().get()).toBe(0);
          expect(db.prepare("SELECT COUNT(*) FROM tag_number_totals WHERE n = 0").pluck().get()).toBe(0);
        } finally {
          db.exec("ROLLBACK");
          db.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
