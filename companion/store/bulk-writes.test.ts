import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bulkWrites } from "./bulk-writes.ts";
import { DAY_SECONDS } from "./day-cover.ts";
import { migrate } from "./migrate.ts";
import { databasePath } from "./paths.ts";
import type { CompanionStore } from "./post-store.ts";
import { registerMigrationFunctions } from "./raw-column-migration.ts";
import { NUMBERED_SPAN_DAYS } from "./span-cover.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost, type PostSpec } from "./testing/make-post.ts";
import { tempDirs } from "./testing/temp-dirs.ts";
import { createUpsert } from "./upsert-posts.ts";

const tempDir = tempDirs("tha-bulk-");

const HASHTAGS = ["travel", "food"];
const IDS = ["1", "2", "3", "4", "5", "6"];
// With a NUL and a lone surrogate: tags JSON would not carry to SQLite unchanged, counted from SQL instead.
const TAGS = ["travel", "food", "fyp", "Viral", "viral", "cats", "a\u0000b", "x\ud83dy"];
const BASE = 1_700_000_000 - (1_700_000_000 % DAY_SECONDS);

const post: fc.Arbitrary<PostSpec> = fc.record({
  id: fc.constantFrom(...IDS),
  hashtags: fc.subarray(TAGS),
  // A few days apart, before and after the epoch too, or undated: re-collections move posts between days.
  createTime: fc.oneof(
    fc.constant(null),
    fc
      .tuple(fc.constantFrom(0, BASE), fc.integer({ min: -3 * DAY_SECONDS, max: 3 * DAY_SECONDS }))
      .map(([base, offset]) => base + offset),
  ),
  collectedAt: fc.integer({ min: 0, max: 5 }).map((day) => `2024-02-0${day + 1}T00:00:00.000Z`),
});

type Operation =
  | { kind: "upsert"; hashtag: string; posts: PostSpec[] }
  | { kind: "link"; hashtag: string; ids: string[] };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("upsert" as const),
      hashtag: fc.constantFrom(...HASHTAGS),
      posts: fc.array(post, { maxLength: 5 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("link" as const),
      hashtag: fc.constantFrom(...HASHTAGS),
      ids: fc.subarray(IDS),
    }),
    weight: 1,
  },
);

/** One transaction: in bulk or with the triggers; a failing one is rolled back after its writes. */
const transaction: fc.Arbitrary<Transaction> = fc.record({
  bulk: fc.boolean(),
  fails: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  ops: fc.array(operation, { minLength: 1, maxLength: 5 }),
});

const apply = (store: CompanionStore, op: Operation): void => {
  if (op.kind === "upsert") store.upsertPosts(op.hashtag, op.posts.map(makePost));
  else store.linkPosts(op.hashtag, op.ids);
};

interface Transaction {
  bulk: boolean;
  fails: boolean;
  ops: Operation[];
}

const run = async (store: CompanionStore, tx: Transaction) => {
  const work = async () => {
    for (const op of tx.ops) apply(store, op);
    if (tx.fails) throw new Error("a corrupt file");
  };
  await (tx.bulk ? store.atomicallyInBulk(work) : store.atomically(work)).catch((error: Error) => {
    if (error.message !== "a corrupt file") throw error;
  });
};

const floorDiv = (value: string, by: number) => `(${value} / ${by} - (${value} % ${by} < 0))`;
const day = (time: string) => floorDiv(time, 86400);

/** The aggregate and the numbered rollup as kept (numbers read back as tags), and as recounted from the links and tags themselves. */
const KEPT = {
  hashtag_days: "SELECT hashtag, day, posts FROM hashtag_days ORDER BY 1, 2",
  tag_days: "SELECT hashtag, day, tag, n FROM tag_days ORDER BY 1, 2, 3",
  tag_totals: "SELECT hashtag, tag, n FROM tag_totals ORDER BY 1, 2",
  tag_number_spans: `SELECT s.hashtag, s.days, s.span, i.tag, s.n
    FROM tag_number_spans s JOIN tag_ids i ON i.id = s.tag_id ORDER BY 1, 2, 3, 4`,
  tag_number_totals: `SELECT t.hashtag, i.tag, t.n
    FROM tag_number_totals t JOIN tag_ids i ON i.id = t.tag_id ORDER BY 1, 2`,
};
const recountedTagDays = `SELECT h.hashtag, ${day("h.sort_time")} AS day, t.tag, COUNT(*) AS n
    FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id GROUP BY 1, 2, 3`;
const RECOUNTED = {
  hashtag_days: `SELECT hashtag, ${day("sort_time")} AS day, COUNT(*) AS posts FROM post_hashtags GROUP BY 1, 2 ORDER BY 1, 2`,
  tag_days: `${recountedTagDays} ORDER BY 1, 2, 3`,
  tag_number_spans: `${NUMBERED_SPAN_DAYS.map(
    (days) => `SELECT hashtag, ${days} AS days, ${floorDiv("day", days)} AS span, tag, SUM(n) AS n
      FROM (${recountedTagDays}) GROUP BY 1, 3, 4`,
  ).join(" UNION ALL ")} ORDER BY 1, 2, 3, 4`,
  tag_number_totals: `SELECT hashtag, tag, SUM(n) AS n FROM (${recountedTagDays}) GROUP BY 1, 2 ORDER BY 1, 2`,
  tag_totals: `SELECT h.hashtag, t.tag, COUNT(*) AS n
    FROM post_hashtags h JOIN post_tags t ON t.post_id = h.post_id GROUP BY 1, 2 ORDER BY 1, 2`,
};

const tables = (db: Database.Database, queries: Record<string, string>) =>
  Object.fromEntries(Object.entries(queries).map(([name, sql]) => [name, db.prepare(sql).all()]));

const snapshot = (dir: string) => {
  const db = new Database(databasePath(dir), { readonly: true });
  try {
    return {
      kept: tables(db, KEPT),
      recounted: tables(db, RECOUNTED),
      // The order a syncing client reads changes in; bulk writes use fewer sequence numbers, so not the numbers.
      feed: db.prepare("SELECT kind, key FROM changes ORDER BY seq").all(),
      switches: db.prepare("SELECT COUNT(*) AS n FROM bulk_writes").get(),
    };
  } finally {
    db.close();
  }
};

describe("bulk writes", () => {
  it("commit the aggregate a recount gives and the change feed the triggers give, through re-collections, links and rollbacks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(transaction, { minLength: 1, maxLength: 6 }), async (transactions) => {
        const bulkDir = tempDir();
        const triggerDir = tempDir();
        const bulk = openSqliteStore(bulkDir);
        const triggers = openSqliteStore(triggerDir);
        try {
          for (const tx of transactions) {
            await run(bulk, tx);
            await run(triggers, { ...tx, bulk: false });
          }
        } finally {
          bulk.close();
          triggers.close();
        }
        const got = snapshot(bulkDir);
        const expected = snapshot(triggerDir);
        expect(got.kept).toEqual(got.recounted);
        expect(got.kept).toEqual(expected.kept);
        expect(got.feed).toEqual(expected.feed);
        expect(got.switches).toEqual({ n: 0 });
        rmSync(bulkDir, { recursive: true, force: true });
        rmSync(triggerDir, { recursive: true, force: true });
      }),
      { numRuns: 50 },
    );
  });

  it("leave the triggers on for every other connection while an import is open", async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    try {
      await store.atomicallyInBulk(async () => {
        store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["travel", "cats"] })]);
        const other = new Database(databasePath(dir), { readonly: true });
        expect(other.prepare("SELECT COUNT(*) AS n FROM bulk_writes").get()).toEqual({ n: 0 });
        other.close();
      });
      expect(store.hashtagCounts("travel").counts.get("cats")).toBe(1);
    } finally {
      store.close();
    }
    // Another writer (here a plain connection, as the sqlite3 shell would be) still keeps the aggregate.
    const shell = new Database(databasePath(dir));
    shell.exec(`INSERT INTO post_tags (post_id, tag) VALUES ('1', 'dance')`);
    expect(
      shell.prepare("SELECT n FROM tag_totals WHERE hashtag = 'travel' AND tag = 'dance'").get(),
    ).toEqual({
      n: 1,
    });
    // And the numbered rollup, through its own triggers on tag_days.
    expect(
      shell
        .prepare(
          `SELECT t.n FROM tag_number_totals t JOIN tag_ids i ON i.id = t.tag_id
           WHERE t.hashtag = 'travel' AND i.tag = 'dance'`,
        )
        .get(),
    ).toEqual({ n: 1 });
    shell.close();
  });

  it("keep the aggregate exact when the new posts' sums are written in the middle of a file, beside the stored posts' differences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({
            fails: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
            upserts: fc.array(
              fc.record({ hashtag: fc.constantFrom(...HASHTAGS), posts: fc.array(post, { maxLength: 5 }) }),
              { minLength: 1, maxLength: 5 },
            ),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (held, transactions) => {
          const db = new Database(":memory:");
          registerMigrationFunctions(db);
          migrate(db);
          db.pragma("foreign_keys = ON");
          db.pragma("recursive_triggers = ON");
          // Sums written every `held` entries: after every new post's tags when 1.
          const bulk = bulkWrites(db, held);
          const upsert = createUpsert(db, bulk);
          for (const tx of transactions) {
            db.exec("BEGIN");
            bulk.begin();
            for (const { hashtag, posts } of tx.upserts) upsert(hashtag, posts.map(makePost));
            if (tx.fails) {
              bulk.abandon();
              db.exec("ROLLBACK");
            } else {
              bulk.finish();
              db.exec("COMMIT");
            }
            expect(tables(db, KEPT)).toEqual(tables(db, RECOUNTED));
          }
          db.close();
        },
      ),
      { numRuns: 100 },
    );
  });
});
