/**
 * What passive capture costs the page, per item_list response of 30 posts, on the page's main thread: the page
 * script only tests the text for post keys and posts it as a string (a copy); parsing happens in the background
 * worker. Shown beside the page's own JSON.parse and beside what parsing and cloning the items on the page would
 * cost (the first design). Not a test; run `npx tsx test/bench/capture-bench.ts`.
 */
import { readFileSync } from "node:fs";
import { itemsInCapture } from "../../entrypoints/common/capture/find-page-items.ts";
import { mayHoldPosts } from "../../entrypoints/common/capture/page-capture.ts";
import { createCorpus } from "../fake-tiktok/corpus/corpus.ts";
import { itemListResponse, pageOf } from "../fake-tiktok/pages/api-responses.ts";

const RUNS = 300;
const corpus = createCorpus({ seed: 1, tags: { travel: 30 }, videoBytes: { min: 1000, max: 2000 } });
const text = JSON.stringify(
  itemListResponse("/api/challenge/item_list/", pageOf(corpus.posts("travel"), 0, 30)),
);

const median = (task: () => unknown): number => {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const began = performance.now();
    task();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

const page = median(() => JSON.parse(text));
const capture = median(() => mayHoldPosts(text) && structuredClone({ source: "response", text }));
const onPage = median(() => structuredClone(itemsInCapture({ source: "response", text })));
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(
  `item_list response, 30 posts, ${(text.length / 1024).toFixed(0)} KiB (median of ${RUNS}, load average ${load}):\n` +
    `  the page's own JSON.parse        ${ms(page)}\n` +
    `  capture on the page (test, post) ${ms(capture)}\n` +
    `  parsing + cloning items instead   ${ms(onPage)}`,
);
