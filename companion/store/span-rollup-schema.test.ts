import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { databasePath } from "./paths.ts";
import { SPAN_DAYS } from "./span-cover.ts";
import { openSqliteStore } from "./sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "tha-spans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
openSqliteStore(dir).close();

// Its tag counts moved to the rollup by tag number (numbered-rollup-schema.test.ts); the posts per span stay here.

/** A write to the per-day tables as any writer may do it: one post at a time or a batch's counts at once. */
type Write =
  | { kind: "add"; day: number; tag: string; n: number }
  | { kind: "set"; day: number; tag: string; n: number }
  | { kind: "delete"; day: number; tag: string };

const day = fc.integer({ min: -150, max: 150 });
const tag = fc.constantFrom("a", "b", "c");
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), day, tag, n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant("set" as const), day, tag, n: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant("delete" as const), day, tag }),
);

describe("the span rollup", () => {
  it("follows every insert, update and delete of the per-day posts, also before 1970", () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
        const db = new Database(databasePath(dir));
        db.exec("BEGIN");
        try {
          const add = db.prepare(
            `INSERT INTO tag_days (hashtag, day, tag, n) VALUES ('x', ?, ?, ?)
             ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + excluded.n`,
          );
          const set = db.prepare("UPDATE tag_days SET n = ? WHERE hashtag = 'x' AND day = ? AND tag = ?");
          const remove = db.prepare("DELETE FROM tag_days WHERE hashtag = 'x' AND day = ? AND tag = ?");
          const posts = db.prepare(
            `INSERT INTO hashtag_days (hashtag, day, posts) VALUES ('x', ?, ?)
             ON CONFLICT (hashtag, day) DO UPDATE SET posts = posts + excluded.posts`,
          );
          for (const w of writes) {
            if (w.kind === "add") {
              add.run(w.day, w.tag, w.n);
              posts.run(w.day, w.n);
            } else if (w.kind === "set") set.run(w.n, w.day, w.tag);
            else remove.run(w.day, w.tag);
          }
          const postSpans = db
            .prepare("SELECT days, span, posts FROM hashtag_spans WHERE hashtag = 'x' ORDER BY 1, 2")
            .all();
          const expectedPosts = SPAN_DAYS.flatMap((days) => {
            const sums = new Map<number, number>();
            for (const w of writes)
              if (w.kind === "add")
                sums.set(Math.floor(w.day / days), (sums.get(Math.floor(w.day / days)) ?? 0) + w.n);
            return [...sums].sort((a, b) => a[0] - b[0]).map(([span, posts]) => ({ days, span, posts }));
          });
          expect(postSpans).toEqual(expectedPosts);
        } finally {
          db.exec("ROLLBACK");
          db.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
