/**
 * `frequencies` over ranges on a large hashtag: the store's co-occurrence query and the top 20 ranked from it, in
 * process, one checkout's read code after another on the same data folder, and the CLI's time and peak RSS. A
 * script, not a test: the target is < 0.3 s for any --since/--until on 1M posts, with memory flat.
 *
 *   npx tsx test/bench/frequencies-query-bench.ts [--sizes 1m,longtail-1m] [--roots CHECKOUT,...] [--work DIR]
 *     [--repeat 3]
 *
 * "N" has a few hundred distinct co-hashtags like the fake TikTok's posts, "longtail-N" 50,000 (seed-co-hashtags.ts:
 * N posts over the year before 2024-06-01). Data folders are seeded once and kept in --work; a folder seeded by
 * an older schema is migrated when this checkout's store opens it, before anything is timed (the time is printed).
 * Each root's companion/store/co-occurrence-counts.ts is loaded and run on this checkout's database, and every root
 * must give the same counts; a root must read tables this checkout's schema still has (the checkouts before the
 * counts by tag number read tag_spans, which that migration replaces: run such a checkout's own bench on its own
 * --work folder instead).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openSqliteStore } from "../../companion/store/sqlite-store.ts";
import { type HashtagCounts, rankHashtags } from "../../shared/analysis/hashtag-frequencies.ts";
import { Random } from "../fake-tiktok/corpus/seeded-random.ts";
import { seedCoHashtags } from "./seed-co-hashtags.ts";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const HASHTAG = "travel";
/** The CLI's default table: the hashtag and its 19 most frequent co-hashtags. */
const TOP = 20;
const LONG_TAIL_VOCABULARY = 50_000;
/** About the fake TikTok's distinct co-hashtags (333 in the 100k corpus). */
const VOCABULARY = 330;
const DAY = 86_400;
/** The seeded posts' year: 2023-06-02 to 2024-06-01. */
const FIRST = 1_717_200_000 - 365 * DAY;
const LAST = 1_717_200_000;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "1m,longtail-1m" },
    roots: { type: "string", default: resolve(HERE, "../..") },
    work: { type: "string", default: join(tmpdir(), "tha-frequencies-bench") },
    repeat: { type: "string", default: "3" },
  },
});
const repeat = Number(flags.repeat);
const roots = flags.roots.split(",").map((root) => resolve(root));

const count = (text: string): number => {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/iu.exec(text);
  if (!match) throw new Error(`Not a size: ${text} (e.g. 10k, 1m)`);
  const scale = { "": 1, k: 1000, m: 1_000_000 }[match[2]!.toLowerCase() as "" | "k" | "m"];
  return Math.round(Number(match[1]) * scale);
};

const loadAverage = (): string => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

interface Range {
  name: string;
  since?: number;
  until?: number;
}

const at = (iso: string) => Date.parse(iso) / 1000;

/** Named ranges with partial days at their edges, then random ones for the worst case. */
const ranges = (): Range[] => {
  const named: Range[] = [
    { name: "all" },
    { name: "10 months", since: at("2023-07-15T12:00:00Z"), until: at("2024-05-10T06:00:00Z") },
    { name: "half", since: at("2023-09-01T12:00:00Z"), until: at("2024-02-20T06:00:00Z") },
    { name: "a month", since: at("2024-01-03T08:00:00Z"), until: at("2024-02-02T20:00:00Z") },
    { name: "a week", since: at("2024-03-04T08:00:00Z"), until: at("2024-03-10T20:00:00Z") },
    { name: "since", since: at("2023-12-24T15:30:00Z") },
    { name: "until", until: at("2023-12-24T15:30:00Z") },
  ];
  const random = new Random(7);
  const randomRanges = Array.from({ length: 20 }, (_, i) => {
    const a = FIRST + Math.floor(random.float() * (LAST - FIRST));
    const b = FIRST + Math.floor(random.float() * (LAST - FIRST));
    return { name: `random ${i + 1}`, since: Math.min(a, b), until: Math.max(a, b) };
  });
  return [...named, ...randomRanges];
};

type Counter = (hashtag: string, range?: { since?: number; until?: number }) => HashtagCounts;

const counterIn = async (root: string, db: Database.Database): Promise<Counter> => {
  const module = pathToFileURL(join(root, "companion/store/co-occurrence-counts.ts")).href;
  const { coOccurrenceCounts } = (await import(module)) as {
    coOccurrenceCounts: (db: Database.Database) => { hashtagCounts: Counter };
  };
  return coOccurrenceCounts(db).hashtagCounts;
};

const fingerprint = ({ totalPosts, counts }: HashtagCounts): string =>
  `${totalPosts} ${counts.size} ${[...counts.values()].reduce((sum, n) => sum + n, 0)}`;

const medianMs = (work: () => unknown): number => {
  const times = Array.from({ length: repeat }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
};

/** The CLI on this checkout: wall seconds and the child's peak RSS, through /usr/bin/time. */
const cli = (dataDir: string, range: Range) => {
  const timing = join(resolve(flags.work), "time.txt");
  const bounds = [
    ...(range.since === undefined ? [] : ["--since", new Date(range.since * 1000).toISOString()]),
    ...(range.until === undefined ? [] : ["--until", new Date(range.until * 1000).toISOString()]),
  ];
  const args = [join(HERE, "../../companion/bin.js"), "frequencies", HASHTAG, "20", ...bounds];
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %M", "-o", timing, "node", ...args, "--data-dir", dataDir],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`frequencies failed (${result.status}): ${result.stderr}`);
  const [seconds, kb] = readFileSync(timing, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return `${seconds!.toFixed(2)} s, ${(kb! / 1024).toFixed(0)} MB`;
};

const main = async () => {
  for (const spec of flags.sizes.split(",")) {
    const longTail = /^longtail-(.+)$/iu.exec(spec.trim());
    const size = count(longTail ? longTail[1]! : spec.trim());
    const vocabulary = longTail ? LONG_TAIL_VOCABULARY : VOCABULARY;
    const dataDir = join(resolve(flags.work), `data-${size}-${vocabulary}`);
    seedCoHashtags(dataDir, { hashtag: HASHTAG, size, vocabulary });
    const opening = performance.now();
    openSqliteStore(dataDir).close();
    const openSeconds = (performance.now() - opening) / 1000;
    const load = [loadAverage()];
    const db = new Database(join(dataDir, "tiktok.db"), { readonly: true });
    const counters = await Promise.all(roots.map((root) => counterIn(root, db)));
    const rows: string[] = [];
    const worst = roots.map(() => 0);
    for (const range of ranges()) {
      const results = counters.map((counter) => fingerprint(counter(HASHTAG, range)));
      if (new Set(results).size !== 1)
        throw new Error(`${range.name}: the roots disagree: ${results.join(" / ")}`);
      // Ranked as the CLI does: a checkout whose counts name their tags only when asked (numbered-counts.ts) would
      // otherwise be timed without the naming an older one does in its query.
      const times = counters.map((counter) =>
        medianMs(() => rankHashtags(counter(HASHTAG, range), HASHTAG, TOP)),
      );
      times.forEach((ms, i) => {
        worst[i] = Math.max(worst[i]!, ms);
      });
      const [posts, tags] = results[0]!.split(" ");
      rows.push(`| ${range.name} | ${posts} | ${tags} | ${times.map((ms) => ms.toFixed(0)).join(" | ")} |`);
    }
    db.close();
    const cliRuns = ["all", "half", "10 months"].map((name) => {
      const range = ranges().find((r) => r.name === name)!;
      return `${name} ${cli(dataDir, range)}`;
    });
    load.push(loadAverage());
    process.stdout.write(
      [
        `${spec} (${size} posts, ${vocabulary} co-hashtags drawn), query and the top ${TOP} ranked in ms, median of ${repeat}:`,
        `| range | posts | distinct hashtags | ${roots.join(" | ")} |`,
        `| --- | --- | --- | ${roots.map(() => "---").join(" | ")} |`,
        ...rows,
        `| worst | | | ${worst.map((ms) => ms.toFixed(0)).join(" | ")} |`,
        `CLI frequencies on this checkout (wall, peak RSS): ${cliRuns.join("; ")}; load average ${load.join(" / ")}`,
        `opening the store (migrating an older folder): ${openSeconds.toFixed(1)} s`,
        "",
      ].join("\n"),
    );
  }
};

await main();
