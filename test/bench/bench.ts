/**
 * `npm run bench`: the companion's speed on generated corpora, through the real CLI as a user runs it, with the
 * original tool's algorithm (seed_frequencies.py) on the same files as the reference column. A script, not a test.
 *
 *   npm run bench -- [--sizes 10k,100k,1m,longtail-100k] [--shape item-struct|scraper] [--roots CHECKOUT,...]
 *     [--work DIR] [--repeat 3]
 *
 * Each corpus is the seed's layout (<corpus>/travel/posts.json, a JSON list of posts from the fake TikTok's
 * deterministic generator, as web ItemStructs or, with --shape scraper, as the seed's tiktok-scraper items, a
 * third of the size: corpus-shape.ts; "longtail-N" draws co-occurring hashtags from 50k distinct ones). Corpora are
 * kept in --work and reused. The original tool's json.load needs 6 to 9 times the file in memory: on a file too big
 * for this machine its column is left out with the reason. With several checkouts (--roots, e.g. one from before a change made with `git worktree
 * add`), each corpus is measured on each in turn: the same files and about the same machine load.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type HashtagCounts, rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import { generatePosts } from "../fake-tiktok/index.ts";
import { alternatedRunTimes } from "./cli-start.ts";
import { type CorpusShape, corpusShape, inShape } from "./corpus-shape.ts";
import { referenceSkipReason } from "./reference-memory.ts";
import { formatRunTimes } from "./run-times.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const HASHTAG = "travel";
const LONG_TAIL_VOCABULARY = 50_000;
/** A range with partial days at both ends: 2024-03-15T12:00:00Z to 2025-01-10T06:00:00Z. */
const RANGE = { since: 1_710_504_000, until: 1_736_488_800 };

interface Corpus {
  name: string;
  size: number;
  vocabulary?: number;
}

interface Measure {
  seconds: number;
  rssMb: number;
  output: string;
  errors: string;
}

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "10k,100k,longtail-100k" },
    shape: { type: "string", default: "item-struct" },
    work: { type: "string", default: join(tmpdir(), "tha-bench") },
    roots: { type: "string", default: resolve(HERE, "../..") },
    repeat: { type: "string", default: "3" },
  },
});
const repeat = Number(flags.repeat);
/** `--help` is short enough, and noisy enough on a shared machine, to run many times: its median and p90. */
const START_RUNS = 20;
const roots = flags.roots.split(",").map((root) => resolve(root));
const work = resolve(flags.work);
const shape: CorpusShape = corpusShape(flags.shape);

const count = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/iu.exec(text);
  if (!match) throw new Error(`Not a size: ${text} (e.g. 10k, 1m)`);
  const scale = { "": 1, k: 1000, m: 1_000_000 }[match[2]!.toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * scale);
};

const corpusOf = (spec: string): Corpus => {
  const longTail = /^longtail-(.+)$/iu.exec(spec);
  if (longTail) return { name: spec, size: count(longTail[1]!), vocabulary: LONG_TAIL_VOCABULARY };
  return { name: spec, size: count(spec) };
};

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Runs a command under /usr/bin/time for its wall time and peak RSS (the child's, not this script's). */
const measure = (command: string, args: string[], cwd = work): Measure => {
  const timing = join(work, "time.txt");
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", timing, command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const [seconds, kb] = readFileSync(timing, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return { seconds: seconds!, rssMb: kb! / 1024, output: result.stdout, errors: result.stderr };
};

/** The median time and the largest RSS of `repeat` runs. */
const measureRepeated = (command: string, args: string[]): Measure => {
  const runs = Array.from({ length: repeat }, () => measure(command, args));
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return {
    seconds: sorted[Math.floor(sorted.length / 2)]!.seconds,
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    output: runs[0]!.output,
    errors: runs[0]!.errors,
  };
};

const writeCorpus = async (corpus: Corpus, file: string): Promise<void> => {
  mkdirSync(join(file, ".."), { recursive: true });
  const partial = `${file}.part`;
  const out = createWriteStream(partial);
  let first = true;
  const options = { seed: 1, size: corpus.size, tag: HASHTAG, vocabulary: corpus.vocabulary };
  for (const item of generatePosts(options)) {
    if (!out.write(`${first ? "[" : ",\n"}${JSON.stringify(inShape(item, shape))}`)) await once(out, "drain");
    first = false;
  }
  out.end(first ? "[]" : "]\n");
  await once(out, "finish");
  writeFileSync(`${file}.done`, String(corpus.size));
  spawnSync("mv", [partial, file]);
};

const cliIn = (root: string, args: string[]): [string, string[]] => [
  "node",
  [join(root, "companion/bin.js"), ...args],
];

const totalPosts = (output: string): number => Number(/Total posts: (\d+)/u.exec(output)?.[1] ?? Number.NaN);

const corpusFiles = async (corpus: Corpus) => {
  const folder = join(
    work,
    shape === "item-struct" ? `corpus-${corpus.name}` : `corpus-${corpus.name}-${shape}`,
  );
  const postsFile = join(folder, HASHTAG, "posts.json");
  if (!existsSync(`${postsFile}.done`) || readFileSync(`${postsFile}.done`, "utf8") !== String(corpus.size)) {
    const started = performance.now();
    await writeCorpus(corpus, postsFile);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`generated ${corpus.name} in ${seconds.toFixed(0)} s\n`);
  }
  return { folder, postsFile, jsonMb: statSync(postsFile).size / 1e6 };
};

const availableBytes = (): number => {
  const match = /^MemAvailable:\s+(\d+) kB/mu.exec(readFileSync("/proc/meminfo", "utf8"));
  return match ? Number(match[1]) * 1024 : totalmem();
};

interface SeedMeasure {
  seconds: number;
  rssMb: number;
}

/** The original tool's algorithm on the corpus file, without and with the range, or why it cannot run here. */
const benchSeed = (
  postsFile: string,
): { distinctTags: number; all: SeedMeasure; range: SeedMeasure } | { skipped: string } => {
  const skipped = referenceSkipReason(statSync(postsFile).size, availableBytes());
  if (skipped !== null) {
    process.stderr.write(`original tool on ${postsFile} ${skipped}\n`);
    return { skipped };
  }
  const python = join(HERE, "seed_frequencies.py");
  const all = measure("python3", [python, postsFile, "20"]);
  const range = ["--since", String(RANGE.since), "--until", String(RANGE.until)];
  const ranged = measure("python3", [python, postsFile, "20", ...range]);
  return {
    distinctTags: Number(/distinct hashtags: (\d+)/u.exec(all.errors)?.[1]),
    all: { seconds: all.seconds, rssMb: all.rssMb },
    range: { seconds: ranged.seconds, rssMb: ranged.rssMb },
  };
};

/** Import, database size, frequencies (without and with a range) and export through one checkout's CLI. */
interface QueryStore {
  hashtagCounts(hashtag: string, range?: { since?: number; until?: number }): unknown;
  close(): void;
}

/**
 * The store's co-occurrence query and the top 20 ranked from it, in this process: what `frequencies` costs beyond
 * starting the CLI and opening the store. Ranked, since counts by tag number name their tags only when asked.
 */
const queryMs = async (root: string, dataDir: string, range?: typeof RANGE): Promise<number> => {
  const module = pathToFileURL(join(root, "companion/store/sqlite-store.ts")).href;
  const { openSqliteStore } = (await import(module)) as { openSqliteStore: (dir: string) => QueryStore };
  const store = openSqliteStore(dataDir);
  try {
    const times = Array.from({ length: repeat }, () => {
      const started = performance.now();
      rankHashtags(store.hashtagCounts(HASHTAG, range) as HashtagCounts, HASHTAG, 20);
      return performance.now() - started;
    }).sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    store.close();
  }
};

const benchCheckout = async (corpus: Corpus, root: string, label: string, folder: string) => {
  const cli = (args: string[]) => cliIn(root, args);
  const load = [loadAverage()];
  const dataDir = join(work, `data-${label}-${corpus.name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const imported = measure(...cli(["import", folder, "--data-dir", dataDir]));
  const dbMb = ["tiktok.db", "tiktok.db-wal"]
    .map((name) => join(dataDir, name))
    .filter(existsSync)
    .reduce((sum, file) => sum + statSync(file).size / 1e6, 0);
  const table = ["frequencies", HASHTAG, "20", "--data-dir", dataDir];
  const all = measureRepeated(...cli(table));
  if (totalPosts(all.output) !== corpus.size)
    throw new Error(`frequencies counted ${totalPosts(all.output)} posts, not ${corpus.size}`);
  const range = ["--since", String(RANGE.since), "--until", String(RANGE.until)];
  const ranged = measureRepeated(...cli([...table, ...range]));
  const query = { all: await queryMs(root, dataDir), range: await queryMs(root, dataDir, RANGE) };
  const out = join(work, "export.ndjson");
  const exported = measure(
    ...cli(["export", HASHTAG, "--format", "ndjson", "--out", out, "--force", "--data-dir", dataDir]),
  );
  load.push(loadAverage());
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { force: true });
  return {
    import: {
      seconds: imported.seconds,
      rssMb: imported.rssMb,
      postsPerSecond: corpus.size / imported.seconds,
    },
    dbMb,
    frequencies: { seconds: all.seconds, rssMb: all.rssMb },
    frequenciesRange: { seconds: ranged.seconds, rssMb: ranged.rssMb, posts: totalPosts(ranged.output) },
    query,
    export: { seconds: exported.seconds, rssMb: exported.rssMb },
    loadAverage: load,
  };
};

interface Row {
  corpus: Corpus;
  jsonMb: number;
  seed: ReturnType<typeof benchSeed>;
  checkouts: Awaited<ReturnType<typeof benchCheckout>>[];
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const pair = (m: { seconds: number; rssMb: number }, digits = 2) =>
  `${fixed(m.seconds, digits)}, ${fixed(m.rssMb, 0)}`;

const tableOf = (rows: Row[], index: number): string[] => [
  "| corpus | distinct hashtags | JSON MB | import s (posts/s), MB | DB MB (x JSON) | frequencies s, MB (query ms) | with a range s, MB (query ms) | export s, MB | original tool s, MB | original, range s, MB | load average |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map((row) => {
    const r = row.checkouts[index]!;
    const seed =
      "skipped" in row.seed
        ? { distinctTags: "–", all: row.seed.skipped, range: "–" }
        : { distinctTags: row.seed.distinctTags, all: pair(row.seed.all, 1), range: pair(row.seed.range, 1) };
    const cells = [
      row.corpus.name,
      seed.distinctTags,
      fixed(row.jsonMb, 0),
      `${fixed(r.import.seconds, 1)} (${fixed(r.import.postsPerSecond / 1000, 1)}k/s), ${fixed(r.import.rssMb, 0)}`,
      `${fixed(r.dbMb, 0)} (${fixed(r.dbMb / row.jsonMb)})`,
      `${pair(r.frequencies)} (${fixed(r.query.all, 0)})`,
      `${pair(r.frequenciesRange)} (${fixed(r.query.range, 0)})`,
      pair(r.export, 1),
      seed.all,
      seed.range,
      r.loadAverage.join(" / "),
    ];
    return `| ${cells.join(" | ")} |`;
  }),
];

const main = async () => {
  mkdirSync(work, { recursive: true });
  const corpora = flags.sizes.split(",").map((spec) => corpusOf(spec.trim()));
  const load = loadAverage();
  // Taking turns run by run, so a change in the machine's load falls on every checkout alike.
  const helps = alternatedRunTimes(
    roots.map((root) => ({ label: "--help", root, args: ["--help"] })),
    START_RUNS,
  );
  const starts = helps.map(({ times }) => ({ load, help: times }));
  const rows: Row[] = [];
  for (const corpus of corpora) {
    const { folder, postsFile, jsonMb } = await corpusFiles(corpus);
    const checkouts = [];
    for (const [i, root] of roots.entries())
      checkouts.push(await benchCheckout(corpus, root, String(i), folder));
    rows.push({ corpus, jsonMb, seed: benchSeed(postsFile), checkouts });
    writeFileSync(join(work, "bench.json"), JSON.stringify({ roots, starts, rows }, null, 2));
    process.stderr.write(`${corpus.name} done\n`);
  }
  const text = roots.flatMap((root, i) => [
    `${root} (${new Date().toISOString()}): CLI start (--help) ${formatRunTimes(starts[i]!.help)} (load ${starts[i]!.load}); ` +
      `corpora as ${shape} posts; seconds (frequencies: median of ${repeat}) and the child's peak RSS in MB`,
    "",
    ...tableOf(rows, i),
    "",
  ]);
  process.stdout.write(`${text.join("\n")}\n`);
};

await main();
