import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Post } from "../../shared/post/post.ts";
import { ownTags } from "./own-tags.ts";
import { databasePath } from "./paths.ts";
import { packSlimJson, slimJson } from "./post-row.ts";
import type { PackedPost } from "./post-store.ts";
import { packRaw } from "./raw-codec.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { makePost, type PostSpec } from "./testing/make-post.ts";
import { tempDirs } from "./testing/temp-dirs.ts";

const tempDir = tempDirs("tha-upsert-");

const SEEN_AT = "2024-03-01T00:00:00.000Z";

// Few ids, so a batch often holds a post twice and later batches meet stored posts.
const post: fc.Arbitrary<PostSpec> = fc.record({
  id: fc.constantFrom("7301234567890123456", "2", "3", "4"),
  hashtags: fc.subarray(["travel", "food", "Viral", "viral"]),
  createTime: fc.constantFrom(null, 1_700_000_000, 1_700_090_000),
  likes: fc.integer({ min: 0, max: 3 }),
  desc: fc.constantFrom("", "sunset"),
  collectedAt: fc.constantFrom(null, "2024-02-01T00:00:00.000Z", "2024-02-02T00:00:00.000Z"),
});

const batch = fc.record({
  hashtag: fc.constantFrom("travel", "food"),
  posts: fc.array(post, { maxLength: 6 }),
});

// What the upsert writes, column by column (derived columns other writers keep are not its to compare); the
// change feed as a set: its order follows the statements (upsert-posts.ts).
const QUERIES = {
  posts: "SELECT id, json, raw, create_time, first_seen, last_seen FROM posts ORDER BY id",
  stats: "SELECT * FROM post_stats ORDER BY post_id, seen_at",
  links:
    "SELECT hashtag, post_id, sort_time, first_linked, run_id FROM post_hashtags ORDER BY hashtag, post_id",
  tags: "SELECT post_id, tag FROM post_tags ORDER BY post_id, tag",
  feed: "SELECT key FROM changes WHERE kind = 'post' ORDER BY key",
};

/** A post packed as an import's thread packs it (import-batches.ts, pack-batch.ts). */
const packed = (post: Post): PackedPost => ({
  id: post.id,
  createTime: post.createTime,
  observedAt: post.source.collectedAt === null ? null : new Date(post.source.collectedAt).toISOString(),
  tags: ownTags(post),
  stats: post.stats,
  raw: packRaw(JSON.stringify(post.raw ?? null)),
  json: packSlimJson(slimJson(post)),
});

const stored = (dataDir: string): Record<string, unknown[]> => {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    return Object.fromEntries(Object.entries(QUERIES).map(([name, sql]) => [name, db.prepare(sql).all()]));
  } finally {
    db.close();
  }
};

describe("the set-based upsert", () => {
  it("stores what upserting the same posts one at a time stores, with the same summary, packed or not", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(batch, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (batches, bulk) => {
          const run = async (mode: "one at a time" | "batch" | "packed") => {
            const dir = tempDir();
            const store = openSqliteStore(dir);
            const totals = { new: 0, seen: 0, linked: 0 };
            const write = () => {
              for (const { hashtag, posts } of batches)
                for (const group of mode === "one at a time" ? posts.map((one) => [one]) : [posts]) {
                  const summary =
                    mode === "packed"
                      ? store.upsertPackedPosts(hashtag, group.map(makePost).map(packed), { seenAt: SEEN_AT })
                      : store.upsertPosts(hashtag, group.map(makePost), { seenAt: SEEN_AT });
                  totals.new += summary.new;
                  totals.seen += summary.seen;
                  totals.linked += summary.linked ?? 0;
                }
            };
            if (bulk) await store.atomicallyInBulk(async () => write());
            else write();
            store.close();
            return { rows: stored(dir), totals };
          };
          const expected = await run("one at a time");
          expect(await run("batch")).toEqual(expected);
          expect(await run("packed")).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("a new post's rows", () => {
  it("keep its id as TEXT in every table and a count that is not finite as NULL, in bulk or not", async () => {
    for (const bulk of [false, true]) {
      const dir = tempDir();
      const store = openSqliteStore(dir);
      const posts = ["7301234567890123457", "7301234567890123456"].map((id) => {
        const made = makePost({ id, hashtags: ["travel", "food"] });
        return { ...made, stats: { ...made.stats, plays: Number.POSITIVE_INFINITY } };
      });
      const write = () => store.upsertPosts("travel", posts, { seenAt: SEEN_AT });
      if (bulk) await store.atomicallyInBulk(async () => write());
      else write();
      store.close();
      const db = new Database(databasePath(dir), { readonly: true });
      const ids = (sql: string) => db.prepare(sql).raw().all();
      const both = [
        ["7301234567890123456", "text"],
        ["7301234567890123457", "text"],
      ];
      expect(ids("SELECT id, typeof(id) FROM posts ORDER BY id")).toEqual(both);
      expect(ids("SELECT DISTINCT post_id, typeof(post_id) FROM post_tags ORDER BY post_id")).toEqual(both);
      expect(ids("SELECT post_id, typeof(post_id) FROM post_hashtags ORDER BY post_id")).toEqual(both);
      expect(ids("SELECT post_id, typeof(post_id) FROM post_stats ORDER BY post_id")).toEqual(both);
      expect(ids("SELECT plays, likes FROM post_stats")).toEqual([
        [null, 10],
        [null, 10],
      ]);
      db.close();
    }
  });
});
