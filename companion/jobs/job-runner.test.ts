import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Collector } from "../collectors/collector.ts";
import { withPoliteness } from "../collectors/politeness/politeness.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { createDispatcher } from "../video/dispatcher.ts";
import { JobEventHub } from "./job-events.ts";
import { JobRunner, type JobTools } from "./job-runner.ts";

let folder: string;
let store: CompanionStore;
let tools: JobTools;

/** A collector stuck for good: it never yields, never ends and ignores the abort signal. */
const deafCollector = (): Collector => ({
  name: "scraper",
  collect: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<never>>(() => {}) }),
  }),
  close: async () => {},
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "job-runner-"));
  store = openSqliteStore(folder);
  tools = {
    dispatcher: createDispatcher(),
    politeness: withPoliteness(),
    concurrency: 1,
    openCollector: deafCollector,
  };
});

afterEach(async () => {
  store.close();
  await tools.dispatcher.close();
  await rm(folder, { recursive: true, force: true });
});

describe("JobRunner.stop", () => {
  it("resolves after its bound when the collection ignores the abort, and records the job interrupted", async () => {
    const runner = new JobRunner({ store, tools, events: new JobEventHub() });
    const job = runner.enqueue(
      { hashtags: ["stuck"], posts: true, videos: false, limit: 10, since: null, source: "scraper" },
      "api",
    );
    runner.start();
    await vi.waitFor(() => expect(store.engine.jobs.get(job.id)?.state).toBe("running"));

    const started = Date.now();
    await runner.stop(300);
    expect(Date.now() - started).toBeLessThan(5_000);

    const stopped = store.engine.jobs.get(job.id);
    expect(stopped?.state).toBe("interrupted");
    expect(stopped?.finishedAt).not.toBeNull();
    expect(stopped?.error?.kind).toBe("interrupted");
    expect(stopped?.error?.message).toMatch(/did not stop in time.*collected is stored/);
    expect(stopped?.progress.every((entry) => entry.state !== "posts" && entry.state !== "waiting")).toBe(
      true,
    );
    expect(() => runner.enqueue({ ...job, hashtags: ["later"] }, "api")).toThrow(/stopping/);
  });
});
