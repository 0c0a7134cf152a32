import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { parseJson } from "../../shared/json/parse-json.ts";
import { parseItemStruct } from "../../shared/post/parse-item-struct.ts";
import type { Post } from "../../shared/post/post.ts";
import { generatePosts } from "../../test/fake-tiktok/index.ts";
import { changeFeed } from "./change-feed.ts";
import { migrate } from "./migrate.ts";
import { databasePath } from "./paths.ts";
import { RAW_COLUMN_MIGRATION } from "./raw-column-migration.ts";
import { MIGRATIONS } from "./schema.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { sortTime } from "./time-bounds.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BEFORE = MIGRATIONS.indexOf(RAW_COLUMN_MIGRATION);

/** Posts as they come: generated ItemStructs, plus one whose raw holds a 19-digit JSON number and odd text. */
const samplePosts = (): Post[] => {
  const source = { kind: "web-api", url: null, collectedAt: "2025-06-01T00:00:00.000Z" } as const;
  const posts = [...generatePosts({ seed: 3, size: 200, tag: "migrate" })].map((item) => {
    const result = parseItemStruct(item, source);
    if (!result.ok) throw new Error(result.reason);
    return result.post;
  });
  const odd = parseItemStruct(
    parseJson(
      '{"id":7300000000000000401,"desc":"é \\u2028 😀 #migrate \\"q\\"","createTime":1700000000,"stats":{"playCount":9007199254740993},"x":[1.5,-0,1e21,null]}',
    ),
    source,
  );
  if (!odd.ok) throw new Error(odd.reason);
  return [...posts, odd.post];
};

/** A data folder as the schema before the migration left it: each post's JSON with its raw inside. */
const oldStore = (posts: Post[]): string => {
  const dataDir = mkdtempSync(join(tmpdir(), "raw-migration-"));
  dirs.push(dataDir);
  const db = new Database(databasePath(dataDir));
  migrate(db, MIGRATIONS.slice(0, BEFORE));
  const insertPost = db.prepare(
    "INSERT INTO posts (id, json, create_time, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
  );
  const link = db.prepare(
    "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked) VALUES ('migrate', ?, ?, ?)",
  );
  const tag = db.prepare("INSERT OR IGNORE INTO post_tags (post_id, tag) VALUES (?, ?)");
  db.transaction(() => {
    for (const post of posts) {
      insertPost.run(
        post.id,
        JSON.stringify(post),
        post.createTime,
        "2025-06-01T00:00:00.000Z",
        "2025-06-01T00:00:00.000Z",
      );
      link.run(post.id, sortTime(post.createTime), "2025-06-01T00:00:00.000Z");
      for (const hashtag of post.hashtags) tag.run(post.id, hashtag);
    }
  })();
  db.close();
  return dataDir;
};

/** The room the posts table takes in the file. */
const postsBytes = (dataDir: string): number => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return db.prepare("SELECT SUM(pgsize) FROM dbstat WHERE name = 'posts'").pluck().get() as number;
  } finally {
    db.close();
  }
};

const feed = (dataDir: string) => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return changeFeed(db).changesSince(0, 10_000);
  } finally {
    db.close();
  }
};

describe("the raw column migration", () => {
  it("keeps every post identical, byte for byte as JSON, and the sync feed unchanged", () => {
    const posts = samplePosts();
    const dataDir = oldStore(posts);
    const feedBefore = feed(dataDir);
    const postsBefore = postsBytes(dataDir);

    const store = openSqliteStore(dataDir);
    try {
      expect(store.schemaVersion()).toBe(MIGRATIONS.length);
      for (const post of posts) expect(JSON.stringify(store.getPost(post.id))).toBe(JSON.stringify(post));
      const byId = (list: Post[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      // What the old store gave back: JSON.parse of its json column.
      const before = posts.map((post) => JSON.parse(JSON.stringify(post)) as Post);
      expect(byId([...store.postsForHashtag("migrate")])).toEqual(byId(before));
    } finally {
      store.close();
    }
    expect(feed(dataDir)).toEqual(feedBefore);
    // The old pages are given back (VACUUM): raw packed, the posts take little over half the room, and the file
    // holds no free page. (Not the file's size: later migrations add tables of their own.)
    expect(postsBytes(dataDir)).toBeLessThan(postsBefore * 0.6);
    const db = new Database(databasePath(dataDir), { readonly: true });
    expect(statSync(databasePath(dataDir)).size).toBe(
      (db.pragma("page_count", { simple: true }) as number) *
        (db.pragma("page_size", { simple: true }) as number),
    );
    expect(db.pragma("freelist_count", { simple: true })).toBe(0);
    db.close();
  });

  it("keeps 19-digit numbers in raw exact", () => {
    const posts = samplePosts();
    const dataDir = oldStore(posts);
    const store = openSqliteStore(dataDir);
    try {
      const odd = store.getPost("7300000000000000401")!;
      expect(odd.raw).toMatchObject({ id: "7300000000000000401", stats: { playCount: "9007199254740993" } });
    } finally {
      store.close();
    }
  });
});
