/**
 * Import benchmark (not a test): generates N posts from the fake TikTok's generator as a JSON list and as
 * NDJSON, imports each with the real CLI (`node companion/bin.js import`) into a fresh data folder, and reports
 * posts/s and MB/s, peak RSS, database size against the JSON's, and the CLI's start time (`--help`, median and p90
 * of 20).
 *
 *   npx tsx test/bench/import-bench.ts [--posts 50000] [--shapes item-struct,scraper] [--keep]
 *
 * Shapes: "item-struct" is the web API's full ItemStruct (about 4.3 KB each), "scraper" the same posts as
 * tiktok-scraper collector items (about 1.3 KB, the seed's data.json and issue 13's figures). The same bytes per
 * second is about three times the posts per second on the smaller shape, so both are reported.
 *
 * Prints a table, then one JSON line for `npm run bench` to pick up. Figures depend on the machine's load: the
 * load average is printed with them.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { staleReason } from "../../companion/build/bundle-layout.js";
import { generatePosts } from "../fake-tiktok/index.ts";
import { alternatedRunTimes } from "./cli-start.ts";
import { CORPUS_SHAPES, type CorpusShape, corpusShape, inShape } from "./corpus-shape.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "companion/bin.js");

const writeCorpus = async (
  file: string,
  count: number,
  format: "json" | "ndjson",
  shape: CorpusShape,
): Promise<number> => {
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  if (format === "json") await write("[\n");
  let index = 0;
  for (const item of generatePosts({ seed: 1, size: count, tag: "bench" })) {
    const text = JSON.stringify(inShape(item, shape));
    await write(format === "json" ? `${index++ === 0 ? "" : ",\n"}${text}` : `${text}\n`);
  }
  if (format === "json") await write("\n]\n");
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return (await stat(file)).size;
};

const folderBytes = async (dir: string): Promise<number> => {
  let total = 0;
  for (const name of await readdir(dir))
    if (name.startsWith("tiktok.db")) total += (await stat(join(dir, name))).size;
  return total;
};

/** Runs the CLI under GNU time: wall-clock and CPU (user + system) seconds, peak RSS. */
const timed = (args: string[]): { seconds: number; cpuSeconds: number; rssMb: number; stdout: string } => {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const [seconds, user, system, rssKb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return {
    seconds: seconds!,
    cpuSeconds: Number((user! + system!).toFixed(2)),
    rssMb: Math.round(rssKb! / 1024),
    stdout: result.stdout,
  };
};

const cliStart = () => alternatedRunTimes([{ label: "--help", root: ROOT, args: ["--help"] }], 20)[0]!.times;

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "50000" },
    shapes: { type: "string", default: CORPUS_SHAPES.join(",") },
    keep: { type: "boolean" },
  },
});
const count = Number(values.posts);
const shapes = values.shapes.split(",").map(corpusShape);
const work = await mkdtemp(join(tmpdir(), "import-bench-"));
const rows: Record<string, unknown>[] = [];
try {
  for (const [shape, format] of shapes.flatMap((shape) =>
    (["json", "ndjson"] as const).map((format) => [shape, format] as const),
  )) {
    const file = join(work, `${shape}.${format}`);
    const jsonBytes = await writeCorpus(file, count, format, shape);
    const dataDir = join(work, `data-${shape}-${format}`);
    const load = loadavg()[0]!.toFixed(1);
    const run = timed(["--data-dir", dataDir, "--json", "import", file, "--hashtag", "bench"]);
    const dbBytes = await folderBytes(dataDir);
    rows.push({
      what: `import ${shape} ${format}`,
      posts: count,
      seconds: run.seconds,
      postsPerSecond: Math.round(count / run.seconds),
      mbPerSecond: Number((jsonBytes / 2 ** 20 / run.seconds).toFixed(1)),
      // On a shared machine the wall clock waits for other work; CPU time does not.
      cpuSeconds: run.cpuSeconds,
      postsPerCpuSecond: Math.round(count / run.cpuSeconds),
      mbPerCpuSecond: Number((jsonBytes / 2 ** 20 / run.cpuSeconds).toFixed(1)),
      peakRssMb: run.rssMb,
      jsonMb: Math.round(jsonBytes / 2 ** 20),
      dbMb: Math.round(dbBytes / 2 ** 20),
      dbToJson: Number((dbBytes / jsonBytes).toFixed(2)),
      load,
    });
    if (!values.keep) await rm(file);
  }
  const stale = staleReason();
  const start = cliStart();
  rows.push({
    what: stale === null ? "CLI start (--help, median of 20)" : `CLI start from source: the bundle ${stale}`,
    seconds: Number(start.median.toFixed(3)),
    p90Seconds: Number(start.p90.toFixed(3)),
    load: loadavg()[0]!.toFixed(1),
  });
  console.table(rows);
  console.log(JSON.stringify({ importBench: rows }));
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
