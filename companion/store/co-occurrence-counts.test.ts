import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countHashtags, rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import type { Post } from "../../shared/post/post.ts";
import { coOccurrenceCounts } from "./co-occurrence-counts.ts";
import { CO_OCCURRENCE_MIGRATION, DROP_AGGREGATE_TRIGGERS } from "./co-occurrence-schema.ts";
import { DAY_SECONDS } from "./day-cover.ts";
import { NUMBERED_ROLLUP_MIGRATION } from "./numbered-rollup-schema.ts";
import { databasePath } from "./paths.ts";
import type { CompanionStore, TimeRange } from "./post-store.ts";
import { SPAN_DAYS } from "./span-cover.ts";
import { SPAN_ROLLUP_MIGRATION } from "./span-rollup-schema.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost, type PostSpec } from "./testing/make-post.ts";
import { tempDirs } from "./testing/temp-dirs.ts";

const tempDir = tempDirs("tha-aggregate-");

const HASHTAGS = ["travel", "food", "東京"];
const TAGS = ["travel", "food", "東京", "fyp", "Viral", "viral", "cats", "dance"];
/** Around 1970 and an ordinary day, so floor division before the epoch is exercised too. */
const BASES = [0, 1_700_000_000 - (1_700_000_000 % DAY_SECONDS)];

const LONGEST_SPAN = SPAN_DAYS.at(-1)! * DAY_SECONDS;
/** Within days of a base, or anywhere within two of the rollup's longest spans, so ranges cross spans of days. */
const offset = fc.oneof(
  fc.integer({ min: -3 * DAY_SECONDS, max: 3 * DAY_SECONDS }),
  fc.integer({ min: -2 * LONGEST_SPAN, max: 2 * LONGEST_SPAN }),
);

const createTime = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...BASES), offset).map(([base, offset]) => base + offset),
    weight: 8,
  },
);

const post: fc.Arbitrary<PostSpec> = fc.record({
  id: fc.constantFrom("1", "2", "3", "4", "5", "6", "7", "8"),
  hashtags: fc.subarray(TAGS),
  createTime,
  // Re-collections out of order: an older observation must not overwrite a newer one's tags or date.
  collectedAt: fc.integer({ min: 0, max: 5 }).map((day) => `2024-02-0${day + 1}T00:00:00.000Z`),
});

type Operation =
  | { kind: "upsert"; hashtag: string; posts: PostSpec[] }
  | { kind: "link"; hashtag: string; ids: string[] }
  | { kind: "delete"; id: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("upsert" as const),
      hashtag: fc.constantFrom(...HASHTAGS),
      posts: fc.array(post, { maxLength: 6 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("link" as const),
      hashtag: fc.constantFrom(...HASHTAGS),
      ids: fc.subarray(["1", "2", "3", "4", "5", "6", "7", "8"]),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("delete" as const), id: fc.constantFrom("1", "2", "3") }),
    weight: 1,
  },
);

/** A bound on a span's edge (a whole span read from the rollup), a second either side of one, or anywhere. */
const bound = fc.oneof(
  fc.integer({ min: -4 * DAY_SECONDS, max: 4 * DAY_SECONDS }),
  fc.integer({ min: -2 * LONGEST_SPAN, max: 2 * LONGEST_SPAN }),
  fc
    .tuple(fc.constantFrom(...SPAN_DAYS), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-1, 0, 1))
    .map(([days, span, nudge]) => days * span * DAY_SECONDS + nudge),
);

const range: fc.Arbitrary<TimeRange> = fc
  .tuple(fc.option(bound), fc.option(bound), fc.constantFrom(...BASES))
  .map(([a, b, base]) => {
    const [since, until] = a !== null && b !== null && a > b ? [b, a] : [a, b];
    // The second base is no span's edge: shift it back to one so the aligned bounds stay aligned.
    const start = base - (base % LONGEST_SPAN);
    return {
      ...(since === null ? {} : { since: start + since }),
      ...(until === null ? {} : { until: start + until }),
    };
  });

const apply = (store: CompanionStore, dir: string, op: Operation): void => {
  if (op.kind === "upsert") store.upsertPosts(op.hashtag, op.posts.map(makePost));
  else if (op.kind === "link") store.linkPosts(op.hashtag, op.ids);
  else {
    // No store method deletes; a second connection shows the cascade from posts keeps the aggregate exact too.
    const db = new Database(databasePath(dir));
    db.pragma("foreign_keys = ON");
    db.prepare("DELETE FROM posts WHERE id = ?").run(op.id);
    db.close();
  }
};

/** The counts recomputed from the stored posts themselves, without the aggregate or post_tags. */
const recount = (store: CompanionStore, hashtag: string, timeRange: TimeRange) =>
  countHashtags(store.postsForHashtag(hashtag, timeRange));

const AGGREGATE_TABLES = {
  hashtag_days: "SELECT hashtag, day, posts FROM hashtag_days ORDER BY 1, 2",
  tag_days: "SELECT hashtag, day, tag, n FROM tag_days ORDER BY 1, 2, 3",
  tag_totals: "SELECT hashtag, tag, n FROM tag_totals ORDER BY 1, 2",
  hashtag_spans: "SELECT hashtag, days, span, posts FROM hashtag_spans ORDER BY 1, 2, 3",
  tag_number_spans: `SELECT s.hashtag, s.days, s.span, i.tag, s.n FROM tag_number_spans s JOIN tag_ids i ON i.id = s.tag_id
    ORDER BY 1, 2, 3, 4`,
  tag_number_totals:
    "SELECT t.hashtag, i.tag, t.n FROM tag_number_totals t JOIN tag_ids i ON i.id = t.tag_id ORDER BY 1, 2",
};

const aggregateTables = (db: Database.Database) =>
  Object.fromEntries(Object.entries(AGGREGATE_TABLES).map(([name, sql]) => [name, db.prepare(sql).all()]));

/** The aggregate as the migration builds it from scratch out of the links and tags. */
const rebuiltTables = (dir: string) => {
  const db = new Database(databasePath(dir));
  try {
    db.exec("BEGIN");
    db.exec("DROP TABLE hashtag_days; DROP TABLE tag_days; DROP TABLE tag_totals;");
    // The rollups' triggers went with the per-day tables; tag_ids stays, numbers are never given twice.
    db.exec("DROP TABLE hashtag_spans; DROP TABLE tag_number_spans; DROP TABLE tag_number_totals;");
    db.exec(DROP_AGGREGATE_TRIGGERS);
    db.exec(CO_OCCURRENCE_MIGRATION);
    db.exec(SPAN_ROLLUP_MIGRATION);
    db.exec(NUMBERED_ROLLUP_MIGRATION);
    const tables = aggregateTables(db);
    db.exec("ROLLBACK");
    return tables;
  } finally {
    db.close();
  }
};

describe("the co-occurrence aggregate", () => {
  it("answers every range as a recount does, through upserts, re-collections, links and deletes; the migration builds the same tables", () => {
    fc.assert(
      fc.property(
        fc.array(operation, { minLength: 1, maxLength: 12 }),
        fc.array(range, { maxLength: 6 }),
        (ops, ranges) => {
          const dir = tempDir();
          const store = openSqliteStore(dir);
          try {
            for (const op of ops) apply(store, dir, op);
            for (const hashtag of HASHTAGS)
              for (const timeRange of [{}, ...ranges]) {
                const expected = recount(store, hashtag, timeRange);
                const actual = store.hashtagCounts(hashtag, timeRange);
                expect(new Map([...actual.counts].sort())).toEqual(new Map([...expected.counts].sort()));
                expect(actual.totalPosts).toBe(expected.totalPosts);
                expect(store.countPosts(hashtag, timeRange)).toBe(expected.totalPosts);
                // Ranked by index, naming only the tags it may show (numbered-counts.ts), as the recount ranks.
                for (const n of [1, 3])
                  expect(rankHashtags(store.hashtagCounts(hashtag, timeRange), hashtag, n)).toEqual(
                    rankHashtags(expected, hashtag, n),
                  );
              }
          } finally {
            store.close();
          }
          const db = new Database(databasePath(dir), { readonly: true });
          const kept = aggregateTables(db);
          db.close();
          expect(kept).toEqual(rebuiltTables(dir));
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("counts by tag number", () => {
  const DAY_START = BASES[1]!;
  const oneDay = { since: DAY_START + 60, until: DAY_START + 7200 };
  const counted = (db: Database.Database, range?: TimeRange) =>
    new Map([...coOccurrenceCounts(db).hashtagCounts("travel", range).counts].sort());
  /** Runs `check` on a plain connection to a new store holding these #travel posts. */
  const onStoreWith = (posts: Post[], check: (db: Database.Database) => void) => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    store.upsertPosts("travel", posts);
    store.close();
    const db = new Database(databasePath(dir));
    try {
      check(db);
    } finally {
      db.close();
    }
  };

  it("counts a partial day's tag that has no number yet (a bulk write under way) by its text", () => {
    onStoreWith([makePost({ id: "1", hashtags: ["travel", "food"], createTime: DAY_START + 3600 })], (db) => {
      db.exec("BEGIN");
      db.exec("INSERT INTO bulk_writes (on_connection) VALUES (1)");
      db.exec("INSERT INTO post_tags (post_id, tag) VALUES ('1', 'rare')");
      expect(db.prepare("SELECT id FROM tag_ids WHERE tag = 'rare'").get()).toBeUndefined();
      expect(counted(db, oneDay)).toEqual(
        new Map([
          ["food", 1],
          ["rare", 1],
          ["travel", 1],
        ]),
      );
      db.exec("ROLLBACK");
    });
  });

  it("keeps no name read inside a transaction, whose number a rollback may give to another tag", () => {
    onStoreWith([makePost({ id: "1", hashtags: ["travel"], createTime: DAY_START + 3600 })], (db) => {
      const counts = coOccurrenceCounts(db);
      const all = () => new Map([...counts.hashtagCounts("travel").counts].sort());
      expect(all()).toEqual(new Map([["travel", 1]]));
      db.exec("BEGIN");
      db.exec("INSERT INTO post_tags (post_id, tag) VALUES ('1', 'first')");
      const number = db.prepare("SELECT id FROM tag_ids WHERE tag = 'first'").pluck().get();
      expect(all()).toEqual(
        new Map([
          ["first", 1],
          ["travel", 1],
        ]),
      );
      db.exec("ROLLBACK");
      db.exec("INSERT INTO post_tags (post_id, tag) VALUES ('1', 'second')");
      expect(db.prepare("SELECT id FROM tag_ids WHERE tag = 'second'").pluck().get()).toBe(number);
      expect(all()).toEqual(
        new Map([
          ["second", 1],
          ["travel", 1],
        ]),
      );
    });
  });

  it("names counts taken inside a transaction at once, so a rollback that gives their numbers away renames none", () => {
    onStoreWith([makePost({ id: "1", hashtags: ["travel"], createTime: DAY_START + 3600 })], (db) => {
      const counts = coOccurrenceCounts(db);
      db.exec("BEGIN");
      db.exec("INSERT INTO post_tags (post_id, tag) VALUES ('1', 'first')");
      const taken = counts.hashtagCounts("travel");
      db.exec("ROLLBACK");
      db.exec("INSERT INTO post_tags (post_id, tag) VALUES ('1', 'second')");
      expect(rankHashtags(taken, "travel", 2).rows.map((row) => row.hashtag)).toEqual(["travel", "first"]);
      expect(new Map([...taken.counts].sort())).toEqual(
        new Map([
          ["first", 1],
          ["travel", 1],
        ]),
      );
    });
  });

  it("leaves out an all-time total of 0, as it leaves out a range's tag whose counts cancel", () => {
    onStoreWith([makePost({ id: "1", hashtags: ["travel", "food"], createTime: DAY_START })], (db) => {
      db.exec("INSERT INTO tag_ids (tag) VALUES ('zero')");
      db.exec(
        "INSERT INTO tag_number_totals (hashtag, tag_id, n) SELECT 'travel', id, 0 FROM tag_ids WHERE tag = 'zero'",
      );
      const taken = coOccurrenceCounts(db).hashtagCounts("travel");
      expect(rankHashtags(taken, "travel", 5).rows.map((row) => row.hashtag)).toEqual(["travel", "food"]);
      expect(new Map([...taken.counts].sort())).toEqual(
        new Map([
          ["food", 1],
          ["travel", 1],
        ]),
      );
    });
  });
});
