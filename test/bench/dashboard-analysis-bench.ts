/**
 * What the dashboard's counting worker does for the network and trends views, on generated posts in memory: the
 * shared counting plus the ForceAtlas2 layout, and the trends from the mirror's day counts. A script, not a test; the same V8 as Chromium's worker, without
 * reading IndexedDB (the hashtag's links are read once and kept, so changing a setting re-counts only this).
 *
 *   npx tsx test/bench/dashboard-analysis-bench.ts [--size 100k] [--vocabulary 5000] [--repeat 3]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { hashtagDaysOf } from "../../entrypoints/common/mirror/hashtag-days.ts";
import type { CountablePost } from "../../entrypoints/options/analysis/analyse-hashtag.ts";
import { analyseNetwork, analyseTrends } from "../../entrypoints/options/analysis/network-and-trends.ts";
import { layoutNetwork } from "../../entrypoints/options/analysis/network-layout.ts";
import { trendsFromDays } from "../../entrypoints/options/analysis/trends-from-days.ts";
import { coHashtagNetwork } from "../../shared/analysis/co-hashtag-network.ts";
import { Random } from "../fake-tiktok/corpus/seeded-random.ts";
import { ZipfSampler } from "../fake-tiktok/corpus/zipf.ts";

const { values: flags } = parseArgs({
  options: {
    size: { type: "string", default: "100k" },
    vocabulary: { type: "string", default: "5000" },
    repeat: { type: "string", default: "3" },
  },
});
const size = Number(flags.size.replace(/k$/iu, "e3").replace(/m$/iu, "e6"));
const vocabulary = Number(flags.vocabulary);
const repeat = Number(flags.repeat);
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** Posts of #travel with 0-8 co-hashtags drawn from a Zipf distribution, created over one year, as the links hold. */
const generate = (): CountablePost[] => {
  const random = new Random(1);
  const sampler = new ZipfSampler(
    Array.from({ length: vocabulary }, (_, i) => `tag${i}`),
    1,
  );
  const draw = () => sampler.sample(random);
  const start = 1_704_067_200; // 2024-01-01
  return Array.from({ length: size }, (_, i) => ({
    id: String(7_300_000_000_000_000_000n + BigInt(i)),
    createTime: start + Math.floor(random.float() * 365 * 86_400),
    hashtags: ["travel", ...Array.from({ length: random.int(0, 8) }, draw)],
  }));
};

const time = (run: () => unknown): number => {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const began = performance.now();
    run();
    times.push(performance.now() - began);
  }
  return Math.min(...times);
};

const posts = generate();
console.log(`${size} posts, ${vocabulary} co-hashtags, best of ${repeat}; load average ${loadAverage()}`);
for (const top of [50, 100, 500]) {
  const ms = time(() => analyseNetwork(posts, { hashtag: "travel", range: {}, top, minWeight: 2 }));
  const network = coHashtagNetwork(posts, "travel", { top, minWeight: 2 });
  const layout = time(() => layoutNetwork(network));
  console.log(
    `network top ${top}, min weight 2 (${network.edges.length} links): ${ms.toFixed(0)} ms, the layout ${layout.toFixed(0)} ms of it`,
  );
}
// What the mirror's sync keeps per hashtag and day; the view's whole-day ranges are answered from these.
const days = hashtagDaysOf(
  posts.map((post) => ({ hashtag: "travel", createTime: post.createTime, tags: post.hashtags })),
);
for (const period of ["day", "week"] as const) {
  const request = { hashtag: "travel", range: {}, period, top: 5 };
  const fromPosts = time(() => analyseTrends(posts, request));
  const fromDays = time(() => trendsFromDays(days, request));
  console.log(
    `trends per ${period}, top 5: ${fromPosts.toFixed(0)} ms from the posts, ${fromDays.toFixed(0)} ms from ${days.length} day counts`,
  );
}
console.log(`load average after: ${loadAverage()}`);
