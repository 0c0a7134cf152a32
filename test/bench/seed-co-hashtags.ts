import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { Random } from "../fake-tiktok/corpus/seeded-random.ts";
import { ZipfSampler } from "../fake-tiktok/corpus/zipf.ts";

export interface CoHashtagSeed {
  hashtag: string;
  size: number;
  /** Distinct co-hashtags, drawn with Zipf's law: a few hundred like the fake TikTok's posts, 50,000 for a long tail. */
  vocabulary: number;
}

/**
 * Seeds `size` posts of one hashtag straight into the tables the analyses read (links, own tags; the triggers keep
 * the per-day aggregate and its rollup), each post carrying the hashtag and 0-8 co-hashtags drawn from a Zipf
 * distribution over `vocabulary` tags, created over the year before 2024-06-01. The posts' JSON is left minimal:
 * the analyses never read it, and the fake TikTok's full generator would take most of an hour for a million posts
 * on this machine. Done once per data folder (a `seeded` marker), the same every time.
 */
export const seedCoHashtags = (dataDir: string, { hashtag, size, vocabulary }: CoHashtagSeed): void => {
  const marker = join(dataDir, "seeded");
  if (existsSync(marker)) return;
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const store = openSqliteStore(dataDir);
  store.close();
  const db = new Database(join(dataDir, "tiktok.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("recursive_triggers = ON");
  const random = new Random(1);
  const sampler = new ZipfSampler(
    Array.from({ length: vocabulary }, (_, i) => `tag${i}`),
    1,
  );
  const draw = () => sampler.sample(random);
  const run = db.prepare(
    "INSERT INTO runs (hashtag, source, started_at, finished_at, posts_new) VALUES (?, 'benchmark', ?, ?, ?)",
  );
  const runId = run.run(
    hashtag,
    "2025-06-01T00:00:00.000Z",
    "2025-06-01T01:00:00.000Z",
    size,
  ).lastInsertRowid;
  const post = db.prepare(
    "INSERT INTO posts (id, json, create_time, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
  );
  const link = db.prepare(
    "INSERT INTO post_hashtags (hashtag, post_id, sort_time, first_linked, run_id) VALUES (?, ?, ?, ?, ?)",
  );
  const tag = db.prepare("INSERT OR IGNORE INTO post_tags (post_id, tag) VALUES (?, ?)");
  const seenAt = "2025-06-01T00:00:00.000Z";
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = String(7_000_000_000_000_000_000n + BigInt(i));
      const createTime = 1_717_200_000 - Math.floor(random.float() * 365 * 86_400);
      post.run(id, JSON.stringify({ id, createTime }), createTime, seenAt, seenAt);
      link.run(hashtag, id, createTime, seenAt, runId);
      tag.run(id, hashtag);
      const extra = random.int(0, 8);
      for (let k = 0; k < extra; k++) tag.run(id, draw());
    }
  });
  for (let from = 0; from < size; from += 50_000) batch(from, Math.min(size, from + 50_000));
  db.close();
  writeFileSync(marker, String(size));
  process.stderr.write(`seeded ${size} posts in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
};
