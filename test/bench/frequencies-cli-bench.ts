/**
 * `frequencies` end to end through one or more checkouts' CLIs, taking turns run by run (alternatedRunTimes), on
 * copies of one data folder: without a range and with bench.ts's (partial days at both ends). Reports the median
 * and p90 wall seconds, the peak RSS of a few more runs and the load average; every checkout must print the same.
 * A script, not a test: issue 13's goal is < 0.3 s end to end, also on the long tail's 50,000 hashtags.
 *
 *   npx tsx test/bench/frequencies-cli-bench.ts --data-dir <a folder with tiktok.db> [--hashtag travel]
 *     [--roots /tmp/before,$PWD] [--runs 20] [--work DIR]
 *
 * The long tail's folder: `node companion/bin.js --data-dir DIR import <corpus-longtail-1m-scraper>/travel`. Every
 * checkout needs its bundle built (`npm run build:cli`) and a schema that can open the folder (make it with the
 * oldest checkout compared). Each checkout runs on its own copy, after one untimed run: a newer checkout migrates
 * its copy then, and the older one still opens its own. On a shared machine wrap it in `flock /tmp/bench.lock`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { alternatedRunTimes, type CliJob } from "./cli-start.ts";
import { formatRunTimes } from "./run-times.ts";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    hashtag: { type: "string", default: "travel" },
    roots: { type: "string", default: fileURLToPath(new URL("../..", import.meta.url)) },
    runs: { type: "string", default: "20" },
    work: { type: "string", default: tmpdir() },
  },
});
if (values["data-dir"] === undefined) throw new Error("--data-dir is required (a folder with tiktok.db)");
const source = resolve(values["data-dir"]);
const roots = values.roots.split(",").map((root) => resolve(root));
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number of at least 1: ${values.runs}`);

/** bench.ts's range: 2024-03-15T12:00:00Z to 2025-01-10T06:00:00Z. */
const RANGE = ["--since", "1710504000", "--until", "1736488800"];
/** Peak RSS from this many more runs of each. */
const RSS_RUNS = 3;

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** The peak RSS in MB of `node <root>/companion/bin.js ...args`, through /usr/bin/time. */
const peakRssMb = (root: string, args: string[]): number => {
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(root, "companion/bin.js"), ...args],
    {
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (result.status !== 0)
    throw new Error(`${root}: ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return Number(result.stderr.trim().split("\n").at(-1)) / 1024;
};

const work = await mkdtemp(join(resolve(values.work), "frequencies-cli-bench-"));
try {
  const dataDirs = roots.map((_, i) => join(work, `data-${i}`));
  for (const dir of dataDirs) await cp(source, dir, { recursive: true });
  const lines = [`frequencies ${values.hashtag} 20 on copies of ${source}, ${runs} runs each, alternated:`];
  for (const [name, range] of [
    ["without a range", []],
    ["with bench.ts's range", RANGE],
  ] as const) {
    const jobs: CliJob[] = roots.map((root, i) => ({
      label: name,
      root,
      args: ["frequencies", values.hashtag, "20", ...range, "--data-dir", dataDirs[i]!],
    }));
    const results = alternatedRunTimes(jobs, runs);
    if (new Set(results.map((result) => result.stdout)).size !== 1)
      throw new Error(`${name}: the checkouts print different tables`);
    lines.push(`${name} (load average ${results[0]!.load.join(" -> ")}):`);
    for (const result of results) {
      const rss = Array.from({ length: RSS_RUNS }, () => peakRssMb(result.root, result.args));
      lines.push(
        `  ${result.root}: ${formatRunTimes(result.times)}, peak RSS ${Math.max(...rss).toFixed(0)} MB`,
      );
    }
  }
  lines.push(`load average now ${loadAverage()}`);
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
