/**
 * `npm run bench:network`: the co-hashtag network (and trends) on a large generated hashtag, in process and
 * through the real CLI. A script, not a test: the target is the top-100 nodes of a 1M-post hashtag in < 2 s.
 *
 *   npm run bench:network -- [--size 1m] [--vocabulary 50000] [--work DIR] [--repeat 3]
 *
 * The data folder is seeded once per size and vocabulary (from the fake TikTok's deterministic generator, one
 * collection run) and kept in --work for the next run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { storedNetwork, storedTrends } from "../../companion/store/hashtag-analyses.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { parseItemStruct } from "../../shared/post/parse-item-struct.ts";
import type { Post } from "../../shared/post/post.ts";
import { generatePosts } from "../fake-tiktok/index.ts";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const HASHTAG = "travel";

const { values: flags } = parseArgs({
  options: {
    size: { type: "string", default: "1m" },
    vocabulary: { type: "string" },
    work: { type: "string", default: join(tmpdir(), "tha-network-bench") },
    repeat: { type: "string", default: "3" },
  },
});
const size = Number(flags.size.replace(/k$/iu, "e3").replace(/m$/iu, "e6"));
const vocabulary = flags.vocabulary === undefined ? undefined : Number(flags.vocabulary);
const repeat = Number(flags.repeat);
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

const seed = (dataDir: string) => {
  const marker = join(dataDir, "seeded");
  if (existsSync(marker)) return;
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const store = openSqliteStore(dataDir);
  try {
    const run = store.startRun(HASHTAG, "benchmark");
    const source = { kind: "web-api", url: null, collectedAt: "2025-06-01T00:00:00.000Z" } as const;
    let batch: Post[] = [];
    for (const item of generatePosts({ seed: 1, size, tag: HASHTAG, vocabulary })) {
      const result = parseItemStruct(item, source);
      if (!result.ok) throw new Error(`The generator made a post the parser refuses: ${result.reason}`);
      batch.push(result.post);
      if (batch.length === 5000) {
        store.upsertPosts(HASHTAG, batch, { runId: run });
        batch = [];
      }
    }
    store.upsertPosts(HASHTAG, batch, { runId: run });
    store.finishRun(run, { postsNew: size, postsSeen: 0 });
  } finally {
    store.close();
  }
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
  const dataDir = join(resolve(flags.work), `data-${flags.size}-${vocabulary ?? "default"}`);
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
    `| ${size} posts | ${vocabulary ?? "~125"} | ${network?.nodes.length} nodes, ${network?.edges.length} edges | ` +
      `${inProcess.toFixed(2)} | ${cli.toFixed(2)} | ${trends.toFixed(2)} | ${loadBefore} / ${loadAverage()} |\n`,
  );
};

main();
