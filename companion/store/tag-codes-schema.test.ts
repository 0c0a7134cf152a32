import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import { databasePath } from "./paths.ts";
import type { CompanionStore } from "./post-store.ts";
import { registerMigrationFunctions } from "./raw-column-migration.ts";
import { MIGRATIONS } from "./schema.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { TAG_CODES_MIGRATION } from "./tag-codes-schema.ts";
import { makePost, type PostSpec } from "./testing/make-post.ts";
import { tempDirs } from "./testing/temp-dirs.ts";

const tempDir = tempDirs("tha-tag-codes-");

const HASHTAGS = ["travel", "food"];
const IDS = ["1", "2", "3", "4", "5"];
const TAGS = ["travel", "food", "fyp", "cats", "Ünï", "a"];

/** The numbers in a tag_codes text, read here apart from tag-code.ts: 5-bit leading digits, a 6-bit final one. */
const decode = (text: string): number[] =>
  (text.match(/[\x20-\x3f]*[\x40-\x7f]/gu) ?? []).map((code) =>
    [...code].reduce(
      (n, c, i) =>
        n * (i === code.length - 1 ? 64 : 32) + (c.charCodeAt(0) & (i === code.length - 1 ? 63 : 31)),
      0,
    ),
  );

/** A write as one of the store's writers or a foreign one (a plain connection, as the sqlite3 shell) does it. */
type Write =
  | { kind: "upsert"; bulk: boolean; hashtag: string; posts: PostSpec[] }
  | { kind: "link"; bulk: boolean; hashtag: string; ids: string[] }
  | { kind: "shell"; sql: string; params: string[] };

const spec: fc.Arbitrary<PostSpec> = fc.record({
  id: fc.constantFrom(...IDS),
  hashtags: fc.subarray(TAGS),
  createTime: fc.constantFrom(null, 1_700_000_000, 1_700_100_000),
  collectedAt: fc.integer({ min: 1, max: 5 }).map((day) => `2024-02-0${day}T00:00:00.000Z`),
});
const id = fc.constantFrom(...IDS);
const tag = fc.constantFrom(...TAGS, "new", "другой");
const hashtag = fc.constantFrom(...HASHTAGS);

const STALE = "UPDATE post_hashtags SET tag_codes = NULL WHERE post_id = ?";
const shell = (sql: string, params: fc.Arbitrary<string>[]): fc.Arbitrary<Write> =>
  fc.tuple(...params).map((values) => ({ kind: "shell" as const, sql, params: values }));

const write: fc.Arbitrary<Write> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("upsert" as const),
      bulk: fc.boolean(),
      hashtag,
      posts: fc.array(spec, { maxLength: 4 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("link" as const),
      bulk: fc.boolean(),
      hashtag,
      ids: fc.subarray(IDS),
    }),
    weight: 2,
  },
  shell("INSERT OR IGNORE INTO post_tags (post_id, tag) SELECT id, ? FROM posts WHERE id = ?", [tag, id]),
  // Without recursive_triggers (the shell's default) REPLACE deletes without the delete triggers.
  shell("INSERT OR REPLACE INTO post_tags (post_id, tag) SELECT id, ? FROM posts WHERE id = ?", [tag, id]),
  shell("DELETE FROM post_tags WHERE tag = ? AND post_id = ?", [tag, id]),
  shell("UPDATE OR IGNORE post_tags SET tag = ? WHERE post_id = ?", [tag, id]),
  shell("UPDATE OR IGNORE post_tags SET post_id = ? WHERE post_id = ?", [id, id]),
  shell("DELETE FROM posts WHERE id = ?", [id]),
  // A foreign value for tag_codes is replaced; a link moved to another post takes that post's tags.
  shell(
    "INSERT OR IGNORE INTO post_hashtags (hashtag, post_id, sort_time, first_linked, tag_codes) SELECT ?, id, 0, 'x', 'zz' FROM posts WHERE id = ?",
    [hashtag, id],
  ),
  shell("UPDATE OR IGNORE post_hashtags SET post_id = ? WHERE post_id = ?", [id, id]),
  shell(STALE, [id]),
);

const apply = async (store: CompanionStore, foreign: Database.Database, w: Write): Promise<void> => {
  if (w.kind === "shell") {
    try {
      foreign.prepare(w.sql).run(...w.params);
    } catch (error) {
      // A write the schema refuses (a post that is not there) changes nothing, as in the shell.
      if (!String((error as { code?: string }).code).startsWith("SQLITE_CONSTRAINT")) throw error;
    }
    return;
  }
  const work = async () => {
    if (w.kind === "upsert") store.upsertPosts(w.hashtag, w.posts.map(makePost));
    else store.linkPosts(w.hashtag, w.ids);
  };
  await (w.bulk ? store.atomicallyInBulk(work) : work());
};

/** Every own tag has a number; every link's tag_codes is NULL or its post's tags' numbers, each at least once. */
const checkCodes = (db: Database.Database): { stale: number } => {
  expect(
    db.prepare("SELECT DISTINCT tag FROM post_tags WHERE tag NOT IN (SELECT tag FROM tag_ids)").all(),
  ).toEqual([]);
  const numbers = new Map(db.prepare("SELECT tag, id FROM tag_ids").raw().all() as [string, number][]);
  const tagsOf = db.prepare("SELECT tag FROM post_tags WHERE post_id = ?").pluck();
  let stale = 0;
  for (const { post_id, tag_codes } of db.prepare("SELECT post_id, tag_codes FROM post_hashtags").all() as {
    post_id: string;
    tag_codes: string | null;
  }[]) {
    if (tag_codes === null) {
      stale++;
      continue;
    }
    const expected = (tagsOf.all(post_id) as string[]).map((t) => numbers.get(t)).sort();
    expect([...new Set(decode(tag_codes))].sort()).toEqual(expected);
  }
  return { stale };
};

/** Pairs of tags on the hashtag's posts, recounted from the tables with a self-join. */
const recountedPairs = (db: Database.Database, tag: string) =>
  db
    .prepare(
      `SELECT a.tag AS source, b.tag AS target, COUNT(*) AS weight FROM post_hashtags h
       JOIN post_tags a ON a.post_id = h.post_id JOIN post_tags b ON b.post_id = h.post_id AND a.tag < b.tag
       WHERE h.hashtag = ? GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(tag);

const ordered = (edges: { source: string; target: string; weight: number }[]) =>
  edges
    .map((e) => (e.source < e.target ? e : { source: e.target, target: e.source, weight: e.weight }))
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1));

describe("tag_codes", () => {
  it("stay exact through the store's writers in bulk and with triggers and through a foreign connection, and the network with them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        const dir = tempDir();
        const store = openSqliteStore(dir);
        const foreign = new Database(databasePath(dir));
        foreign.pragma("foreign_keys = ON");
        try {
          for (const w of writes) await apply(store, foreign, w);
          const { stale } = checkCodes(foreign);
          // Only a foreign writer setting NULL leaves a link unknown.
          if (!writes.some((w) => w.kind === "shell" && w.sql === STALE)) expect(stale).toBe(0);
          const nodes = foreign
            .prepare("SELECT DISTINCT tag FROM post_tags ORDER BY tag")
            .pluck()
            .all() as string[];
          for (const h of HASHTAGS)
            expect(ordered(store.analysis.networkPairs(h, nodes))).toEqual(recountedPairs(foreign, h));
        } finally {
          foreign.close();
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it("follow a link a foreign writer moves to another post or hashtag", () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    store.upsertPosts("travel", [makePost({ id: "1", hashtags: ["a", "b"] })]);
    store.upsertPosts("food", [makePost({ id: "2", hashtags: ["c"] })]);
    store.close();
    const db = new Database(databasePath(dir));
    try {
      const codes = () =>
        db
          .prepare<[], [string, string, string]>(
            "SELECT hashtag, post_id, tag_codes FROM post_hashtags ORDER BY 1",
          )
          .raw()
          .all();
      const number = (tag: string) => db.prepare("SELECT id FROM tag_ids WHERE tag = ?").pluck().get(tag);
      db.exec("UPDATE post_hashtags SET post_id = '2' WHERE hashtag = 'travel'");
      db.exec("UPDATE post_hashtags SET hashtag = 'cats', tag_codes = 'zz' WHERE hashtag = 'food'");
      expect(codes().map(([h, p, text]) => [h, p, decode(text)])).toEqual([
        ["cats", "2", [number("c")]],
        ["travel", "2", [number("c")]],
      ]);
      checkCodes(db);
    } finally {
      db.close();
    }
  });

  it("refuse a change to a tag's number", () => {
    const dir = tempDir();
    openSqliteStore(dir).close();
    const db = new Database(databasePath(dir));
    try {
      db.exec("INSERT INTO tag_ids (tag) VALUES ('a')");
      expect(() => db.exec("UPDATE tag_ids SET id = 9")).toThrow(/never changed/u);
      expect(() => db.exec("DELETE FROM tag_ids")).toThrow(/never deleted/u);
    } finally {
      db.close();
    }
  });
});

describe("the tag codes migration", () => {
  it("numbers the stored tags, most used first, and writes every link's tag_codes", () => {
    const dir = tempDir();
    const db = new Database(databasePath(dir));
    try {
      registerMigrationFunctions(db);
      migrate(db, MIGRATIONS.slice(0, MIGRATIONS.indexOf(TAG_CODES_MIGRATION)));
      const post = db.prepare(
        "INSERT INTO posts (id, json, create_time, first_seen, last_seen) VALUES (?, '{}', 0, 'x', 'x')",
      );
      const link = db.prepare(
        "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES (?, ?, 0, 'x')",
      );
      const own = db.prepare("INSERT INTO post_tags (post_id, tag) VALUES (?, ?)");
      const posts: [string, string[], string[]][] = [
        ["1", ["travel", "food"], ["travel", "cats", "b"]],
        ["2", ["travel"], ["travel", "cats"]],
        ["3", ["food"], []],
        ["4", [], ["b", "cats"]],
      ];
      for (const [postId, hashtags, tags] of posts) {
        post.run(postId);
        for (const h of hashtags) link.run(h, postId);
        for (const t of tags) own.run(postId, t);
      }
      openSqliteStore(dir).close();
      expect(db.prepare("SELECT id, tag FROM tag_ids ORDER BY id").raw().all()).toEqual([
        [1, "cats"],
        [2, "b"],
        [3, "travel"],
      ]);
      const codes = db
        .prepare("SELECT hashtag, post_id, tag_codes FROM post_hashtags ORDER BY 1, 2")
        .raw()
        .all() as [string, string, string][];
      expect(codes.map(([h, p, text]) => [h, p, decode(text).sort()])).toEqual([
        ["food", "1", [1, 2, 3]],
        ["food", "3", []],
        ["travel", "1", [1, 2, 3]],
        ["travel", "2", [1, 3]],
      ]);
      checkCodes(db);
    } finally {
      db.close();
    }
  });
});
