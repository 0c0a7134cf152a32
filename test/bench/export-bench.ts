/**
 * `export` through the real CLI of one or more checkouts, taking turns run by run on the same data folder, so a
 * busy moment on a shared machine lands on both sides alike. Reports the median wall and CPU (user + system)
 * seconds, posts per second and peak RSS per format, and whether every checkout wrote the same bytes.
 *
 *   npx tsx test/bench/import-bench.ts --posts 20000 --shapes scraper --keep   # prints the kept folder
 *   npx tsx test/bench/export-bench.ts --data-dir <kept>/data-scraper-ndjson [--hashtag bench]
 *     [--formats ndjson,csv,json,parquet] [--rounds 5] [--roots /tmp/before,$PWD]
 *
 * Every checkout needs its bundle built (`npm run build:cli`) and a schema that can open the folder (make it with
 * the oldest checkout compared). Each checkout exports from its own copy of the folder, after one untimed export:
 * a newer checkout migrates its copy then, and the older one still opens its own.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runTimes } from "./run-times.ts";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    hashtag: { type: "string", default: "bench" },
    formats: { type: "string", default: "ndjson,csv,json" },
    rounds: { type: "string", default: "5" },
    roots: { type: "string", default: fileURLToPath(new URL("../..", import.meta.url)) },
  },
});
if (values["data-dir"] === undefined) throw new Error("--data-dir <folder> is required (see the header)");
const source = resolve(values["data-dir"]);
const roots = values.roots.split(",").map((root) => resolve(root.trim()));
const formats = values.formats.split(",").map((format) => format.trim());
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds must be a whole number, not ${values.rounds}`);

const load = (): number => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

interface Run {
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  posts: number;
}

/** One export under GNU time; the CLI's --json summary gives the post count. */
const exportOnce = (root: string, dataDir: string, format: string, out: string): Run => {
  const bin = join(root, "companion", "bin.js");
  const args = ["--json", "--data-dir", dataDir, "export", values.hashtag, "--format", format, "--out", out];
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %U %S %M", process.execPath, bin, ...args, "--force"],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`${root}: export --format ${format} failed: ${result.stderr}`);
  const [seconds, user, system, rssKb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  const { posts } = JSON.parse(result.stdout) as { posts: number };
  return { seconds: seconds!, cpuSeconds: user! + system!, rssMb: Math.round(rssKb! / 1024), posts };
};

const work = await mkdtemp(join(tmpdir(), "export-bench-"));
try {
  const copies = await Promise.all(
    roots.map(async (root, i) => {
      const copy = join(work, `data-${i}`);
      await cp(source, copy, { recursive: true });
      exportOnce(root, copy, formats[0]!, join(work, "warm-up"));
      return copy;
    }),
  );
  const runs = new Map<string, Run[]>();
  const loads: number[] = [];
  const same = new Map<string, boolean>();
  for (let round = 0; round < rounds; round++)
    for (const format of formats) {
      const files = roots.map((root, i) => {
        const out = join(work, `${i}.${format}`);
        loads.push(load());
        const key = `${format} ${root}`;
        runs.set(key, [...(runs.get(key) ?? []), exportOnce(root, copies[i]!, format, out)]);
        return readFileSync(out);
      });
      same.set(format, (same.get(format) ?? true) && files.every((file) => file.equals(files[0]!)));
    }
  const rows = [...runs].map(([key, list]) => {
    const wall = runTimes(list.map((run) => run.seconds)).median;
    const cpu = runTimes(list.map((run) => run.cpuSeconds)).median;
    const [format] = key.split(" ");
    return {
      export: key,
      runs: list.length,
      wallSeconds: Number(wall.toFixed(2)),
      cpuSeconds: Number(cpu.toFixed(2)),
      postsPerSecond: Math.round(list[0]!.posts / wall),
      peakRssMb: Math.max(...list.map((run) => run.rssMb)),
      sameBytes: roots.length > 1 ? same.get(format!) : undefined,
    };
  });
  console.table(rows);
  console.log(JSON.stringify({ exportBench: rows, load: [Math.min(...loads), Math.max(...loads)] }));
} finally {
  await rm(work, { recursive: true, force: true });
}
