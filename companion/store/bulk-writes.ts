import type Database from "better-sqlite3";
import { day } from "./co-occurrence-schema.ts";
import { countUpsert } from "./count-upserts.ts";
import { NewPostCounts } from "./new-post-counts.ts";
import { numberedRollupFrom } from "./numbered-rollup-schema.ts";
import { tagCodesRefresh } from "./tag-codes-refresh.ts";
import { tagNumbers } from "./tag-numbers.ts";

/**
 * The bulk writer's side of bulk-writes-schema.ts: while a bulk transaction is open, the per-row triggers skip
 * this connection's rows and the writer keeps the aggregate and the change feed itself, set-based.
 *
 * Counts: around each batch, the batch's posts' contribution (their links times their own tags, per hashtag and day) is
 * subtracted before the batch first writes to a stored post (a new post had none, so an import of new posts skips it)
 * and added after, into temp tables keyed like the aggregate; a post the batch inserted is counted in JavaScript
 * instead (addNew, new-post-counts.ts): its sums join the temp tables when too many are held, and at the end go, rollup
 * included, straight to the tables with bound upserts (count-upserts.ts); finish() adds the temp tables' net
 * differences to hashtag_days, tag_days and tag_totals in three statements, and to the numbered rollup
 * (numbered-rollup-schema.ts: its triggers on tag_days are off too), and deletes the rows left at 0. The before/after
 * pairs telescope, so a re-collected post whose tags or day changed, or a post seen in two batches, is counted out and
 * in exactly, as the triggers would have. Summing over the whole file first means a day's row is written once per
 * import, not once per post.
 *
 * Tag codes: a new post's link is inserted with its tag_codes, from numbers kept in JavaScript for the
 * transaction (numberTags, tagCodes: tag-numbers.ts); after each batch, the tags of the posts it read back are
 * numbered and their links' tag_codes recomputed in SQL (tag-codes-refresh.ts).
 *
 * Change feed: each batch's changed posts (inserted, their Post changed, or newly linked) move to the end of
 * `changes` in the order the triggers would have put them, inside the same transaction.
 */
export interface BulkWrites {
  readonly active: boolean;
  /** Inside a write transaction: turns this connection's triggers off until finish() or the rollback. */
  begin(): void;
  /** Before a batch first writes to these stored posts (a JSON list of ids): takes out what they count now. */
  before(ids: string): void;
  /**
   * After them: adds what they count now (`ids` a JSON list of the posts not counted with addNew, their links'
   * tag_codes recomputed), and moves the changed posts to the end of the change feed.
   */
  after(ids: string, changed: Iterable<string>): void;
  /** Gives these own tags numbers in tag_ids, as the triggers would, so tagCodes can write them. */
  numberTags(tags: Iterable<string>): void;
  /** The tag_codes of a post with these own tags (distinct, numbered): null when one cannot be written. */
  tagCodes(tags: readonly string[]): string | null;
  /**
   * Counts a post this transaction has just inserted with a single link, to `hashtag` at `sortTime` (a whole
   * number), and its own distinct tags `tags` (none holding U+0000 or a lone surrogate, so JSON carries them to
   * SQLite unchanged).
   */
  addNew(hashtag: string, sortTime: number, tags: readonly string[]): void;
  /** Writes the counts and turns the triggers back on; the caller commits. */
  finish(): void;
  /** Forgets the counts after a rollback (the switch row went with it). */
  abandon(): void;
}

const batchLinks = "FROM post_hashtags h WHERE h.post_id IN (SELECT value FROM json_each(?))";

/** Entries the new posts' sums may hold in JavaScript before they are written (memory stays flat). */
const NEW_COUNTS_HELD = 50_000;

const TEMP_TABLES = `
  CREATE TEMP TABLE IF NOT EXISTS bulk_hashtag_days (
    hashtag TEXT NOT NULL, day INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (hashtag, day)
  ) WITHOUT ROWID;
  CREATE TEMP TABLE IF NOT EXISTS bulk_tag_days (
    hashtag TEXT NOT NULL, day INTEGER NOT NULL, tag TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (hashtag, day, tag)
  ) WITHOUT ROWID;`;

/** `newCountsHeld`: NEW_COUNTS_HELD, smaller in tests so that sums are written in the middle of a file too. */
export const bulkWrites = (db: Database.Database, newCountsHeld = NEW_COUNTS_HELD): BulkWrites => {
  // Outside any transaction, so a rollback never drops them from under the prepared statements.
  db.exec(TEMP_TABLES);
  const count = (sign: "+" | "-") => {
    const d = day("h.sort_time");
    const days = db.prepare(
      `INSERT INTO temp.bulk_hashtag_days (hashtag, day, n)
       SELECT h.hashtag, ${d} AS d, ${sign}COUNT(*) ${batchLinks} GROUP BY h.hashtag, d
       ON CONFLICT (hashtag, day) DO UPDATE SET n = n + excluded.n`,
    );
    const tags = db.prepare(
      `INSERT INTO temp.bulk_tag_days (hashtag, day, tag, n)
       SELECT h.hashtag, ${d} AS d, t.tag, ${sign}COUNT(*)
       FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id
       WHERE h.post_id IN (SELECT value FROM json_each(?)) GROUP BY h.hashtag, d, t.tag
       ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + excluded.n`,
    );
    return (ids: string) => {
      days.run(ids);
      tags.run(ids);
    };
  };
  const subtract = count("-");
  const add = count("+");
  const refreshTagCodes = tagCodesRefresh(db);
  const numbers = tagNumbers(db);
  const newCounts = new NewPostCounts();
  // Rows for the temp tables: tags JavaScript has no exact number for, and every row of a file's sums written
  // before its end. They are added, numbered and rolled up in SQL by finish().
  const moveNewDays = db.prepare(`
    INSERT INTO temp.bulk_hashtag_days (hashtag, day, n)
      SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
    ON CONFLICT (hashtag, day) DO UPDATE SET n = n + excluded.n`);
  const moveNewTags = db.prepare(`
    INSERT INTO temp.bulk_tag_days (hashtag, day, tag, n)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?) WHERE true
    ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + excluded.n`);
  const upsertDays = countUpsert(db, "hashtag_days", ["hashtag", "day"], "posts");
  const upsertTags = countUpsert(db, "tag_days", ["hashtag", "day", "tag"], "n");
  const upsertTotals = countUpsert(db, "tag_totals", ["hashtag", "tag"], "n");
  const upsertSpans = countUpsert(db, "tag_number_spans", ["hashtag", "days", "span", "tag_id"], "n");
  const upsertNumberTotals = countUpsert(db, "tag_number_totals", ["hashtag", "tag_id"], "n");
  /**
   * At the end of a file (`direct`) the sums go straight into the tables: new posts only add, so a row they take
   * above 0 is never one finish() deletes, and one the stored posts' differences take to 0 is deleted whichever
   * comes first. Sums written before the end (memory is full) go to the temp tables, all as if unnumbered:
   * written to the tables directly, the keys that come back in every part of a long-tail file (its totals and
   * 64-day spans) were written again each time, slower than summing them in SQL once (40k long-tail posts).
   */
  const writeNewCounts = (direct: boolean) => {
    if (newCounts.size === 0) return;
    const days: [string, number, number][] = [];
    const tags: [string, number, string, number][] = [];
    const toTemp = (hashtag: string, day: number, tag: string, n: number) =>
      tags.push([hashtag, day, tag, n]);
    const skipped = () => {
      throw new Error("a sum without a tag number has no rollup row");
    };
    newCounts.drain(
      direct ? numbers.numberOf : () => undefined,
      direct
        ? {
            day: upsertDays.row,
            tag: upsertTags.row,
            total: upsertTotals.row,
            span: upsertSpans.row,
            numberTotal: upsertNumberTotals.row,
            unnumbered: toTemp,
          }
        : {
            day: (hashtag, day, n) => days.push([hashtag, day, n]),
            tag: skipped,
            total: skipped,
            span: skipped,
            numberTotal: skipped,
            unnumbered: toTemp,
          },
    );
    for (const upsert of [upsertDays, upsertTags, upsertTotals, upsertSpans, upsertNumberTotals])
      upsert.flush();
    if (days.length > 0) moveNewDays.run(JSON.stringify(days));
    if (tags.length > 0) moveNewTags.run(JSON.stringify(tags));
  };
  // OR REPLACE: a post already in the feed loses its row and gets a new one at the end, as the triggers' DELETE and
  // INSERT give it, in one statement (the triggers cannot: an outer statement's conflict clause overrides theirs).
  // changes has no triggers of its own for the REPLACE to fire.
  const feed = db.prepare(
    "INSERT OR REPLACE INTO changes (kind, key) SELECT 'post', j.value FROM json_each(?) j ORDER BY j.key",
  );
  // WHERE true: without it SQLite cannot tell the upsert's ON from a join's.
  const apply = db.prepare(`
    INSERT INTO hashtag_days (hashtag, day, posts) SELECT hashtag, day, n FROM temp.bulk_hashtag_days WHERE n <> 0
    ON CONFLICT (hashtag, day) DO UPDATE SET posts = posts + excluded.posts`);
  const applyTags = db.prepare(`
    INSERT INTO tag_days (hashtag, day, tag, n) SELECT hashtag, day, tag, n FROM temp.bulk_tag_days WHERE n <> 0
    ON CONFLICT (hashtag, day, tag) DO UPDATE SET n = n + excluded.n`);
  const applyTotals = db.prepare(`
    INSERT INTO tag_totals (hashtag, tag, n)
      SELECT hashtag, tag, SUM(n) AS total FROM temp.bulk_tag_days WHERE true GROUP BY hashtag, tag HAVING total <> 0
    ON CONFLICT (hashtag, tag) DO UPDATE SET n = n + excluded.n`);
  const emptied = [
    `DELETE FROM hashtag_days WHERE posts = 0
       AND (hashtag, day) IN (SELECT hashtag, day FROM temp.bulk_hashtag_days WHERE n < 0)`,
    `DELETE FROM tag_days WHERE n = 0
       AND (hashtag, day, tag) IN (SELECT hashtag, day, tag FROM temp.bulk_tag_days WHERE n < 0)`,
    `DELETE FROM tag_totals WHERE n = 0
       AND (hashtag, tag) IN (SELECT hashtag, tag FROM temp.bulk_tag_days WHERE n < 0)`,
  ].map((sql) => db.prepare(sql));
  const applyRollup = numberedRollupFrom("temp.bulk_tag_days").map((sql) => db.prepare(sql));
  const forget = () => {
    db.exec("DELETE FROM temp.bulk_hashtag_days; DELETE FROM temp.bulk_tag_days;");
    newCounts.clear();
    numbers.forget();
  };

  let active = false;
  return {
    get active() {
      return active;
    },
    begin() {
      if (!db.inTransaction)
        throw new Error("bulk writes need a transaction: the switch must never be committed");
      if (active) throw new Error("bulk writes are already on");
      forget();
      db.exec("INSERT INTO bulk_writes (on_connection) VALUES (1)");
      active = true;
    },
    before(ids) {
      subtract(ids);
    },
    after(ids, changed) {
      if (ids !== "[]") {
        add(ids);
        refreshTagCodes(ids);
      }
      // A post changed twice in a batch moves to where its last change puts it, as with the triggers.
      const order = new Set<string>();
      for (const id of changed) {
        order.delete(id);
        order.add(id);
      }
      if (order.size === 0) return;
      feed.run(JSON.stringify([...order]));
    },
    numberTags(tags) {
      numbers.number(tags);
    },
    tagCodes(tags) {
      return numbers.codes(tags);
    },
    addNew(hashtag, sortTime, tags) {
      newCounts.add(hashtag, sortTime, tags);
      if (newCounts.size >= newCountsHeld) writeNewCounts(false);
    },
    finish() {
      writeNewCounts(true);
      apply.run();
      applyTags.run();
      applyTotals.run();
      for (const statement of applyRollup) statement.run();
      for (const statement of emptied) statement.run();
      forget();
      db.exec("DELETE FROM bulk_writes");
      active = false;
    },
    abandon() {
      active = false;
      if (db.inTransaction) db.exec("DELETE FROM bulk_writes");
      forget();
    },
  };
};
