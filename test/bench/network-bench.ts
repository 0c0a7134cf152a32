/**
 * The co-hashtag network (and trends) on a large generated hashtag, in process and
 * through the real CLI. A script, not a test: the target is the top-100 nodes of a 1M-post hashtag in < 2 s.
 *
 *   npx tsx test/bench/network-bench.ts [--size 1m] [--vocabulary 5000] [--work DIR] [--repeat 3]
 *
 * The data folder is seeded once per size and vocabulary (seed-co-hashtags.ts) and kept in --work for the next run;
 * a folder seeded by an older schema is migrated when the store opens, before anything is timed (the tag codes
 * migration takes ~20 s for 1M posts).
 * Prints a README row: posts | vocabulary | nodes, edges | top 100 in process | through the CLI (GEXF) | in process
 * for the last 91 days | for the last 7 days | weekly trends | load average before / after (seconds).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { storedNetwork, storedTrends } from "../../companion/store/hashtag-analyses.ts";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { seedCoHashtags } from "./seed-co-hashtags.ts";

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

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const timed = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
};

const main = () => {
  const dataDir = join(resolve(flags.work), `data-${flags.size}-${vocabulary}`);
  seedCoHashtags(dataDir, { hashtag: HASHTAG, size, vocabulary });
  const loadBefore = loadAverage();
  const store = openSqliteStore(dataDir);
  let network: ReturnType<typeof storedNetwork> | undefined;
  const inProcess = median(
    Array.from({ length: repeat }, () =>
      timed(() => (network = storedNetwork(store, HASHTAG, { top: 100 }))),
    ),
  );
  // Ranges ending at the seeded year's end (2024-06-01): a quarter of the posts (read on two threads) and a week
  // (off the time index).
  const end = Date.UTC(2024, 5, 1) / 1000 - 1;
  const rangeNetwork = (days: number) =>
    median(
      Array.from({ length: repeat }, () =>
        timed(() =>
          storedNetwork(store, HASHTAG, { top: 100, range: { since: end - days * 86_400 + 1, until: end } }),
        ),
      ),
    );
  const quarter = rangeNetwork(91);
  const week = rangeNetwork(7);
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
      `${inProcess.toFixed(2)} | ${cli.toFixed(2)} | ${quarter.toFixed(2)} | ${week.toFixed(2)} | ${trends.toFixed(2)} | ` +
      `${loadBefore} / ${loadAverage()} |\n`,
  );
};

main();
