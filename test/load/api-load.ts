/**
 * `npm run load`: not a test but a measurement. Starts a companion (test/load/load-companion.ts) on a temporary
 * data folder with the fake TikTok, queues a collection (posts and media of two hashtags), and keeps
 * CONCURRENCY sync-feed and frequency requests in flight for SECONDS, then prints requests/s, latency
 * percentiles and errors. LOAD_SECONDS and LOAD_CONCURRENCY override the defaults (20 s, 100).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Agent } from "undici";
import { API_ROUTES, apiPath } from "../../shared/api/contract.ts";
import { type Job, jobPath } from "../../shared/api/jobs.ts";
import type { SyncPage } from "../../shared/api/sync.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 100);

const companion = spawn(
  process.execPath,
  ["--import", "tsx", fileURLToPath(new URL("load-companion.ts", import.meta.url))],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const [line] = (await once(createInterface({ input: companion.stdout }), "line")) as [string];
const { url, token } = JSON.parse(line) as { url: string; token: string };
const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

const call = async (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${url}${path}`, { ...init, headers, dispatcher } as RequestInit);

const created = await call(API_ROUTES.jobs, {
  method: "POST",
  body: JSON.stringify({ hashtags: ["travel", "food"], videos: true }),
});
const job = (await created.json()) as Job;

const storedPosts = async (): Promise<number> =>
  ((await (await call(API_ROUTES.health)).json()) as { posts: number }).posts;

// The load starts once the collection is really writing, so the two overlap.
const waitUntil = performance.now() + 120_000;
while ((await storedPosts()) === 0) {
  if (performance.now() > waitUntil) throw new Error("the collection stored nothing within 2 minutes");
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const postsBefore = await storedPosts();

interface Sample {
  kind: "sync" | "frequencies";
  ms: number;
  ok: boolean;
}
const samples: Sample[] = [];
const failures = new Map<string, number>();
let deadline = 0;

const worker = async (index: number) => {
  let cursor = "0";
  for (let turn = index; performance.now() < deadline; turn++) {
    const kind = turn % 2 === 0 ? "sync" : "frequencies";
    const path =
      kind === "sync"
        ? `${API_ROUTES.sync}?cursor=${cursor}&limit=200`
        : `${apiPath(API_ROUTES.frequencies, turn % 4 === 1 ? "travel" : "food")}?n=20`;
    const started = performance.now();
    let ok = false;
    try {
      const response = await call(path);
      const body = (await response.json()) as SyncPage;
      ok = response.status === 200;
      if (!ok) failures.set(`HTTP ${response.status}`, (failures.get(`HTTP ${response.status}`) ?? 0) + 1);
      // A mirror that catches up, then starts over: every page of the feed gets read again and again.
      if (ok && kind === "sync") cursor = body.hasMore ? body.nextCursor : "0";
    } catch (error) {
      const key = (error as Error).message;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    samples.push({ kind, ms: performance.now() - started, ok });
  }
};

// Open the connections first: the figures are the steady state, not 100 simultaneous TCP handshakes (which,
// on a busy 2-core machine, take seconds to be accepted and would fill p99 on their own).
const warmUpStarted = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, () =>
    call(API_ROUTES.health).then((response) => response.arrayBuffer()),
  ),
);
const warmUpMs = performance.now() - warmUpStarted;

const started = performance.now();
deadline = started + SECONDS * 1000;
await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index)));
const elapsed = (performance.now() - started) / 1000;
const after = (await (await call(jobPath(API_ROUTES.job, job.id))).json()) as Job;
const postsAfter = await storedPosts();

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const report = (label: string, of: Sample[]) => {
  const ms = of.map((sample) => sample.ms);
  process.stdout.write(
    `${label.padEnd(12)} ${String(of.length).padStart(7)} requests ${(of.length / elapsed).toFixed(0).padStart(6)}/s` +
      `  p50 ${percentile(ms, 50).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms` +
      `  max ${percentile(ms, 100).toFixed(1)} ms  errors ${of.filter((sample) => !sample.ok).length}\n`,
  );
};

process.stdout.write(
  `${CONCURRENCY} connections opened in ${warmUpMs.toFixed(0)} ms, then ${CONCURRENCY} concurrent requests for ${elapsed.toFixed(1)} s while a job collected\n`,
);
report("all", samples);
report(
  "sync",
  samples.filter((sample) => sample.kind === "sync"),
);
report(
  "frequencies",
  samples.filter((sample) => sample.kind === "frequencies"),
);
for (const [reason, count] of failures) process.stdout.write(`  error: ${reason} x${count}\n`);
const progress = after.progress.map(
  (entry) => `#${entry.hashtag} ${entry.postsNew} new, ${entry.videosDone} media`,
);
process.stdout.write(
  `job ${after.id}: ${after.state} (${progress.join("; ")}); posts stored: ${postsBefore} when the load began, ${postsAfter} at its end\n`,
);

companion.kill("SIGTERM");
await once(companion, "exit");
await dispatcher.close();
process.exitCode = failures.size === 0 ? 0 : 1;
