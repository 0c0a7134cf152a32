/**
 * Measures generatePosts on a big stream: time, rate and peak heap. Kept out of the test run because a
 * million posts take longer than a unit test should.
 *
 *   npx tsx --expose-gc test/fake-tiktok/measure-generator.ts [size=1000000] [seed=1]
 *
 * With --expose-gc the heap is sampled after a collection, so the peak is what is really retained.
 */
import { generatePosts } from "./corpus/generate-posts.ts";

const size = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const collect = (globalThis as { gc?: () => void }).gc;

const heapNow = (): number => {
  collect?.();
  return process.memoryUsage().heapUsed;
};

const baseline = heapNow();
let peak = baseline;
let jsonBytes = 0;
let count = 0;
const started = performance.now();
for (const post of generatePosts({ seed, size, tag: "benchmark" })) {
  // Serialise a sample so the posts are really built and used, as a benchmark's consumer would.
  if (count % 100 === 0) jsonBytes += JSON.stringify(post).length;
  if (++count % 100_000 === 0) peak = Math.max(peak, heapNow());
}
const seconds = (performance.now() - started) / 1000;
peak = Math.max(peak, heapNow());
console.log(
  [
    `posts: ${count} (seed ${seed})`,
    `time: ${seconds.toFixed(2)} s (${Math.round(count / seconds).toLocaleString("en")} posts/s)`,
    `heap: baseline ${(baseline / 1e6).toFixed(1)} MB, peak ${(peak / 1e6).toFixed(1)} MB${collect ? " (after gc)" : " (no --expose-gc: includes garbage)"}`,
    `average post: ${Math.round(jsonBytes / Math.ceil(count / 100))} bytes of JSON`,
  ].join("\n"),
);
