import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import { registerMigrationFunctions } from "./raw-column-migration.ts";
import { postTagCodes } from "./tag-codes-schema.ts";
import { tagNumbers } from "./tag-numbers.ts";

// U+FF21 sorts before 😀 by UTF-16 code units and after it by code points, as SQLite orders UTF-8 text.
const TAGS = ["travel", "food", "fyp", "cats", "ünï", "a", "😀", "\uff21", "b c"];

const openDb = (): Database.Database => {
  const db = new Database(":memory:");
  registerMigrationFunctions(db);
  migrate(db);
  return db;
};

/** The tag_codes SQL writes for a post with these own tags (the triggers' and the refresh's expression). */
const sqlCodes = (db: Database.Database, tags: string[]): string | null => {
  db.exec("DELETE FROM post_tags");
  db.prepare(
    "INSERT OR IGNORE INTO posts (id, json, first_seen, last_seen) VALUES ('p', '{}', 'x', 'x')",
  ).run();
  const add = db.prepare("INSERT INTO post_tags (post_id, tag) VALUES ('p', ?)");
  for (const tag of tags) add.run(tag);
  return db
    .prepare(`SELECT ${postTagCodes("'p'")}`)
    .pluck()
    .get() as string | null;
};

/** A code text's characters as a sorted list of numbers' texts, so the order of the tags does not matter. */
const codeSet = (text: string | null) =>
  text === null ? null : (text.match(/[\x20-\x3f]*[\x40-\x7f]/gu) ?? []).sort();

describe("tagNumbers", () => {
  it("writes the same tag_codes text SQL writes, numbering tags in a batch once and reusing numbers already stored", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.subarray(TAGS), { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (batches) => {
          const db = openDb();
          // Some tags numbered before, by another writer.
          db.exec("INSERT INTO tag_ids (tag) VALUES ('fyp'), ('cats')");
          const numbers = tagNumbers(db);
          db.exec("BEGIN");
          for (const posts of batches) {
            numbers.number(posts.flat());
            for (const tags of posts) expect(numbers.codes(tags)).toBe(sqlCodes(db, tags));
          }
          db.exec("COMMIT");
          const ids = db.prepare("SELECT tag FROM tag_ids").pluck().all() as string[];
          expect(new Set(ids).size).toBe(ids.length);
          expect(new Set(ids)).toEqual(new Set(["fyp", "cats", ...batches.flat(2)]));
          db.close();
        },
      ),
      { numRuns: 50 },
    );
  });

  it("reads numbers again after a rollback took back the ones it added", () => {
    const db = openDb();
    const numbers = tagNumbers(db);
    db.exec("BEGIN");
    numbers.number(["new", "other"]);
    db.exec("ROLLBACK");
    numbers.forget();
    db.exec("INSERT INTO tag_ids (tag) VALUES ('zzz'), ('other')");
    db.exec("BEGIN");
    numbers.number(["other", "new"]);
    expect(codeSet(numbers.codes(["new", "other"]))).toEqual(codeSet(sqlCodes(db, ["new", "other"])));
    db.exec("COMMIT");
    db.close();
  });

  it("refuses codes for a tag it was not asked to number", () => {
    const db = openDb();
    expect(() => tagNumbers(db).codes(["never"])).toThrow(/not numbered/u);
    db.close();
  });
});
