/**
 * The co-hashtag network (and trends) on a large generated hashtag, in process and
 * through the real CLI. A script, not a test: the target is the top-100 nodes of a 1M-post hashtag in < 2 s.
 *
 *   npx tsx test/bench/network-bench.ts [--size 1m] [--vocabulary 5000] [--work DIR] [--repeat 3]
 *
 * The data folder is seeded once per size and vocabulary (see `seed`) and kept in --work for the next run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { storedNetwork, storedTrends } from "../../companion/store/hashtag-analyses.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { Random } from "../fake-tiktok/corpus/seeded-random.ts";
import { ZipfSampler } from "../fake-tiktok/corpus/zipf.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const HASHTAG = "travel";

const { values: flags } = parseArgs({
  options: {
    size: { type: "string", default: "1m" },
    vocabulary: { type: "string", default: "5000" },
    work: { type: "string", default: join(tmpdir(), "tha-network-bench") },
    repeat: { type: "string", default: "3" },
  },
});
const size = Number(flags.size.replace(/k$/iu, "e3").replace(/m$/iu, "e6"));
const vocabulary = Number(flags.vocabulary);
const repeat = Number(flags.repeat);
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/**
 * Seeds `size` posts of #travel straight into the tables the network reads (links, own tags; the triggers keep
 * the per-day aggregate), each post carrying #travel and 0-8 co-hashtags drawn from a Zipf distribution over
 * `vocabulary` tags, created over one year. The posts' JSON is left minimal: the network never reads it, and the
 * fake TikTok's full generator would take most of an hour for a million posts on this machine.
 */
const seed = (dataDir: string) => {
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
    HASHTAG,
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
      link.run(HASHTAG, id, createTime, seenAt, runId);
      tag.run(id, HASHTAG);
      const extra = random.int(0, 8);
      for (let k = 0; k < extra; k++) tag.run(id, draw());
    }
  });
  for (let from = 0; from < size; from += 50_000) batch(from, Math.min(size, from + 50_000));
  db.close();
  writeFileSync(marker, String(size));
  process.stderr.write(`seeded ${size} posts in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
};

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const timed = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
};

const main = () => {
  const dataDir = join(resolve(flags.work), `data-${flags.size}-${vocabulary}`);
  seed(dataDir);
  const loadBefore = loadAverage();
  const store = openSqliteStore(dataDir);
  let network: ReturnType<typeof storedNetwork> | undefined;
  const inProcess = median(
    Array.from({ length: repeat }, () =>
      timed(() => (network = storedNetwork(store, HASHTAG, { top: 100 }))),
    ),
  );
  const trends = median(
    Array.from({ length: repeat }, () => timed(() => storedTrends(store, HASHTAG, { period: "week" }))),
  );
  store.close();
  const out = join(resolve(flags.work), "network.gexf");
  const cli = median(
    Array.from({ length: repeat }, () =>
      timed(() => {
        const result = spawnSync(
          "node",
          [
            join(ROOT, "companion/bin.js"),
            "network",
            HASHTAG,
            "--top",
            "100",
            "--format",
            "gexf",
            "--out",
            out,
            "--force",
            "--data-dir",
            dataDir,
          ],
          { encoding: "utf8" },
        );
        if (result.status !== 0) throw new Error(`network failed (${result.status}): ${result.stderr}`);
      }),
    ),
  );
  process.stdout.write(
    `| ${size} posts | ${vocabulary} | ${network?.nodes.length} nodes, ${network?.edges.length} edges | ` +
      `${inProcess.toFixed(2)} | ${cli.toFixed(2)} | ${trends.toFixed(2)} | ${loadBefore} / ${loadAverage()} |\n`,
  );
};

main();
