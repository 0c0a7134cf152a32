import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withPoliteness } from "../collectors/politeness/politeness.ts";
import type { CompanionStore } from "../store/post-store.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { createDispatcher } from "../video/dispatcher.ts";
import { FollowScheduler } from "./follow-scheduler.ts";
import { JobEventHub } from "./job-events.ts";
import { JobRunner } from "./job-runner.ts";

// After the real time the store stamps runs with, so those runs are in this clock's past.
const T0 = Date.parse("2030-03-01T12:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let folder: string;
let store: CompanionStore;
let clock: number;
let scheduler: FollowScheduler;

const follow = (hashtag: string, every: string | null, at = clock) =>
  store.engine.follows.put(
    hashtag,
    { every, posts: true, videos: false, limit: 50 },
    new Date(at).toISOString(),
  );

/** A collection by anyone (the CLI, say), stamped with the real time, which is before the fake clock. */
const collected = (hashtag: string) => {
  const id = store.startRun(hashtag, "browser");
  store.finishRun(id, { postsNew: 0, postsSeen: 0 });
};

/** Ends every queued job as done, as the runner would after collecting. */
const finishQueued = () => {
  for (const job of store.engine.jobs.inState(["queued"]))
    store.engine.jobs.save(
      { ...job, state: "done", finishedAt: new Date(clock).toISOString() },
      "finished",
      null,
    );
};

const queuedHashtags = (jobs: { hashtags: string[] }[]) => jobs.flatMap((job) => job.hashtags);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "follow-scheduler-"));
  store = openSqliteStore(folder);
  clock = T0;
  // The runner is never started: the jobs stay queued, so the test sees what the schedule asked for.
  const runner = new JobRunner({
    store,
    events: new JobEventHub(),
    now: () => clock,
    tools: {
      dispatcher: createDispatcher(),
      politeness: withPoliteness(),
      concurrency: 1,
      openCollector: () => {
        throw new Error("not in this test");
      },
    },
  });
  scheduler = new FollowScheduler({ store, runner, source: "scraper", now: () => clock });
});

afterEach(async () => {
  store.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the follow schedule (fake clock)", () => {
  it("queues due follows one hashtag per job, least recently collected first, never collected first of all", () => {
    follow("travel", "6h");
    follow("food", "6h");
    follow("news", "1h");
    follow("quiet", null);
    collected("travel");
    collected("news");
    const jobs = scheduler.tick();
    expect(queuedHashtags(jobs)).toEqual(["food", "travel", "news"]);
    expect(
      jobs.map((job) => ({ origin: job.origin, state: job.state, limit: job.limit, source: job.source })),
    ).toEqual(
      Array.from({ length: 3 }, () => ({ origin: "follow", state: "queued", limit: 50, source: "scraper" })),
    );
  });

  it("does not queue a hashtag again while its job waits or runs, nor before `every` has passed", () => {
    follow("travel", "6h");
    expect(queuedHashtags(scheduler.tick())).toEqual(["travel"]);
    clock += 7 * HOUR;
    expect(scheduler.tick()).toEqual([]); // still queued
    finishQueued();
    clock += MINUTE;
    // Queued 7 h 1 min ago and never run to a recorded collection: due again, since 6 h passed.
    expect(queuedHashtags(scheduler.tick())).toEqual(["travel"]);
    finishQueued();
    clock += 5 * HOUR + 59 * MINUTE;
    expect(scheduler.tick()).toEqual([]);
    clock += MINUTE;
    expect(queuedHashtags(scheduler.tick())).toEqual(["travel"]);
  });

  it("follows a changed schedule and forgets a removed follow", () => {
    follow("travel", "1d");
    scheduler.tick();
    finishQueued();
    clock += 2 * HOUR;
    expect(scheduler.tick()).toEqual([]);
    follow("travel", "1h");
    expect(queuedHashtags(scheduler.tick())).toEqual(["travel"]);
    finishQueued();
    store.engine.follows.remove("travel");
    clock += 3 * HOUR;
    expect(scheduler.tick()).toEqual([]);
  });
});
