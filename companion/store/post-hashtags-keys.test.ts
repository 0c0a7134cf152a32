import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import { databasePath } from "./paths.ts";
import { POST_HASHTAGS_KEYS_MIGRATION } from "./post-hashtags-keys.ts";
import { registerMigrationFunctions } from "./raw-column-migration.ts";
import { MIGRATIONS, UNDATED } from "./schema.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { readStore } from "./testing/read-store.ts";
import { tempDirs } from "./testing/temp-dirs.ts";

const freshFolder = tempDirs("tha-post-hashtags-keys-");
const BEFORE = MIGRATIONS.indexOf(POST_HASHTAGS_KEYS_MIGRATION);
const HASHTAGS = ["travel", "food", "été"];
const TAGS = ["travel", "food", "sea", "été", "a", "b"];

/** Every row the links table holds, every column, in one order whatever the key. */
const LINKS = "SELECT * FROM post_hashtags ORDER BY hashtag, post_id";
/** What the triggers keep from the links: the aggregate, its rollups, the tag numbers and the sync feed. */
const KEPT = [
  "hashtag_days",
  "tag_days",
  "tag_totals",
  "hashtag_spans",
  "tag_number_spans",
  "tag_number_totals",
  "tag_ids",
  "changes",
];

const rows = (db: Database.Database, sql: string) => db.prepare(sql).raw().all() as unknown[][];
const kept = (db: Database.Database) =>
  Object.fromEntries(
    KEPT.map((table) => [
      table,
      rows(db, `SELECT * FROM ${table}`)
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
/** The schema as text, rootpage aside; `except` leaves out the objects the migration is meant to change. */
const schema = (db: Database.Database, except: string[] = []) =>
  (
    db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").all() as {
      name: string;
    }[]
  ).filter((row) => !except.includes(row.name));

/**
 * A data folder as the schema before this migration left it, written with every trigger on (no bulk switch): posts
 * dated, undated and before 1970, linked to several hashtags by several runs (re-collections), own tags changed
 * after linking, a create time moved, and some links' tag_codes unknown (NULL) as a foreign writer leaves them.
 */
const oldStore = (): string => {
  const dataDir = freshFolder();
  const db = new Database(databasePath(dataDir));
  db.pragma("foreign_keys = ON");
  db.pragma("recursive_triggers = ON");
  registerMigrationFunctions(db);
  migrate(db, MIGRATIONS.slice(0, BEFORE));
  const seen = "2025-06-01T00:00:00.000Z";
  const run = db.prepare(
    "INSERT INTO runs (hashtag, source, started_at, finished_at) VALUES (?, 'import', ?, ?) RETURNING id",
  );
  const post = db.prepare(
    "INSERT INTO posts (id, json, raw, create_time, first_seen, last_seen) VALUES (?, '{}', NULL, ?, ?, ?)",
  );
  const tag = db.prepare("INSERT INTO post_tags (post_id, tag) VALUES (?, ?)");
  const link = db.prepare(
    "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked, run_id) VALUES (?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    const runs = HASHTAGS.flatMap((hashtag) =>
      [1, 2].map(() => (run.get(hashtag, seen, seen) as { id: number }).id),
    );
    for (let i = 0; i < 240; i++) {
      const id = String(7_300_000_000_000_000_000n + BigInt(((i * 7919) % 240) * 1000 + i));
      // Several posts on one second, so the key's post_id part orders them.
      const createTime =
        i % 11 === 0 ? null : i % 13 === 0 ? -86_400 * (i % 5) - 7 : 1_700_000_000 + (i % 60) * 3_600;
      post.run(id, createTime, seen, seen);
      for (const [t, name] of TAGS.entries()) if ((i + t) % 3 !== 0) tag.run(id, name);
      HASHTAGS.forEach((hashtag, h) => {
        if ((i + h) % 4 === 3) return;
        const again = (i + h) % 5 === 0;
        const linked = `2025-0${again ? 7 : 6}-0${1 + (i % 9)}T00:00:00.000Z`;
        link.run(
          hashtag,
          id,
          createTime ?? UNDATED,
          linked,
          i % 6 === 0 ? null : runs[h * 2 + (again ? 1 : 0)],
        );
      });
    }
    // Own tags changed and a create time moved after linking, through the triggers.
    db.prepare(
      "DELETE FROM post_tags WHERE tag = 'a' AND post_id IN (SELECT id FROM posts WHERE create_time > 1700100000)",
    ).run();
    db.prepare(
      "UPDATE post_hashtags SET sort_time = sort_time + 86400 WHERE post_id IN (SELECT id FROM posts WHERE create_time % 7 = 0)",
    ).run();
    db.prepare("UPDATE post_hashtags SET tag_codes = NULL WHERE post_id LIKE '%3'").run();
  })();
  db.close();
  return dataDir;
};

describe("the post_hashtags keys migration", () => {
  it("keeps every link, every column, and what the triggers keep from them", () => {
    const dataDir = oldStore();
    const before = readStore(dataDir, (db) => ({ links: rows(db, LINKS), kept: kept(db) }));
    expect(before.links.length).toBeGreaterThan(400);
    // The store has what the migration must carry: unknown tag_codes, undated and pre-1970 links, re-collections.
    expect(before.links.some((link) => link[5] === null)).toBe(true);
    expect(before.links.some((link) => link[2] === UNDATED)).toBe(true);
    expect(before.links.some((link) => (link[2] as number) < 0)).toBe(true);
    expect(new Set(before.links.map((link) => link[4])).size).toBeGreaterThan(4);

    openSqliteStore(dataDir).close();
    readStore(dataDir, (db) => {
      expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
      expect(rows(db, LINKS)).toEqual(before.links);
      expect(kept(db)).toEqual(before.kept);
      expect(db.pragma("foreign_key_check")).toEqual([]);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    });
  });

  it("leaves every other object as it was, the triggers on the links included, and the schema a new store has", () => {
    const dataDir = oldStore();
    const changed = [
      "post_hashtags",
      "post_hashtags_by_time",
      "post_hashtags_by_post",
      "sqlite_autoindex_post_hashtags_1",
    ];
    const before = readStore(dataDir, (db) => schema(db, changed));
    expect(before.filter((row) => (row as { tbl_name?: string }).tbl_name === "post_hashtags").length).toBe(
      6,
    );
    openSqliteStore(dataDir).close();
    const after = readStore(dataDir, (db) => schema(db));
    expect(after.filter((row) => !changed.includes(row.name))).toEqual(before);
    expect(after.filter((row) => changed.includes(row.name))).toEqual([
      {
        type: "index",
        name: "post_hashtags_by_post",
        tbl_name: "post_hashtags",
        sql: "CREATE UNIQUE INDEX post_hashtags_by_post ON post_hashtags (post_id, hashtag)",
      },
      expect.objectContaining({ type: "table", name: "post_hashtags" }),
    ]);
    const fresh = freshFolder();
    openSqliteStore(fresh).close();
    expect(readStore(fresh, (db) => schema(db))).toEqual(after);
  });

  it("refuses a link to a post that is gone with a clear error, and leaves the store as it was", () => {
    const dataDir = oldStore();
    const orphan = new Database(databasePath(dataDir));
    // As a writer with foreign keys off leaves it (better-sqlite3 turns them on by default).
    orphan.pragma("foreign_keys = OFF");
    orphan.exec(
      "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES ('travel', 'gone', 0, 'x')",
    );
    orphan.close();
    const before = readStore(dataDir, (db) => ({
      links: rows(db, LINKS),
      kept: kept(db),
      schema: schema(db),
    }));
    expect(() => openSqliteStore(dataDir)).toThrow(
      new RegExp(
        `^Could not upgrade the database from schema version ${BEFORE} to ${BEFORE + 1}: FOREIGN KEY constraint failed\\. Nothing was changed\\. .*PRAGMA foreign_key_check`,
        "u",
      ),
    );
    readStore(dataDir, (db) => {
      expect(db.pragma("user_version", { simple: true })).toBe(BEFORE);
      expect({ links: rows(db, LINKS), kept: kept(db), schema: schema(db) }).toEqual(before);
    });
  });

  it("keeps one link per hashtag and post, whatever its sort_time, and moves a link's key with its create time", () => {
    const dataDir = oldStore();
    openSqliteStore(dataDir).close();
    const db = new Database(databasePath(dataDir));
    db.pragma("foreign_keys = ON");
    try {
      const [hashtag, postId, sortTime] = rows(db, `${LINKS} LIMIT 1`)[0] as [string, string, number];
      const again = db.prepare(
        "INSERT OR IGNORE INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES (?, ?, ?, 'x')",
      );
      expect(again.run(hashtag, postId, sortTime + 1).changes).toBe(0);
      expect(() =>
        db
          .prepare(
            "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES (?, ?, ?, 'x')",
          )
          .run(hashtag, postId, sortTime + 1),
      ).toThrow(/UNIQUE constraint failed: post_hashtags\.post_id, post_hashtags\.hashtag/u);
      db.prepare("UPDATE post_hashtags SET sort_time = ? WHERE post_id = ?").run(
        sortTime + 86_400 * 3,
        postId,
      );
      const days = db.prepare("SELECT day, posts FROM hashtag_days WHERE hashtag = ? AND day = ?").pluck();
      const day = Math.floor(sortTime / 86_400);
      expect(
        rows(
          db,
          `SELECT sort_time FROM post_hashtags WHERE hashtag = '${hashtag}' AND post_id = '${postId}'`,
        ),
      ).toEqual([[sortTime + 86_400 * 3]]);
      expect(days.all(hashtag, day + 3).length).toBe(1);
    } finally {
      db.close();
    }
  });
});
